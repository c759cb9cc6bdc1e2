-- staging: a Meridian geo file (geo, time, <Channel>_impression, <Channel>_spend, *_control,
-- population, KPI columns) typed from stg_meridian_geo_raw once its cells were checked: time as
-- DATE, every measure column as DOUBLE (other text columns, e.g. an unnamed index, are dropped).
CREATE OR REPLACE TABLE stg_meridian_geo AS
SELECT geo, CAST(time AS DATE) AS time,
       CAST(COLUMNS('(_spend|_impression|_control)$|^(conversions|population|revenue_per_conversion)$') AS DOUBLE)
FROM stg_meridian_geo_raw;
