-- staging: a Meridian geo file (geo, time, <Channel>_impression, <Channel>_spend, *_control,
-- population, KPI columns) with types detected by DuckDB; time is cast to DATE.
CREATE OR REPLACE TABLE stg_meridian_geo AS
SELECT * REPLACE (CAST(time AS DATE) AS time)
FROM read_csv({{path}}, header = true);
