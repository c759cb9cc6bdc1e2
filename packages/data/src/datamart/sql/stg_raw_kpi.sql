-- staging: the KPI file read as text; every column other than date, geo and product is a KPI.
CREATE OR REPLACE TABLE raw_kpi AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS _row, *
FROM read_csv({{path}}, all_varchar = true, header = true, nullstr = '\u0000mixwise-no-null');
CREATE OR REPLACE TABLE raw_kpi_header AS SELECT * EXCLUDE (_row) FROM raw_kpi LIMIT 0;
ALTER TABLE raw_kpi ADD COLUMN IF NOT EXISTS geo VARCHAR;
ALTER TABLE raw_kpi ADD COLUMN IF NOT EXISTS product VARCHAR;
