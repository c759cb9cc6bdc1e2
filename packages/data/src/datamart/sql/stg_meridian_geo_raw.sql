-- staging (raw): a Meridian geo file read as text with its file line (header = line 1), so bad cells
-- can be reported by line and column before anything is cast.
CREATE OR REPLACE TABLE stg_meridian_geo_raw AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS _line, *
FROM read_csv({{path}}, header = true, all_varchar = true);
