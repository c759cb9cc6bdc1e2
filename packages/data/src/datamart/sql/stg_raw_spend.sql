-- staging: the header of the long spend file (no rows), to check its columns before loading.
CREATE OR REPLACE TABLE raw_spend_header AS
SELECT * FROM read_csv({{path}}, all_varchar = true, header = true) LIMIT 0;
