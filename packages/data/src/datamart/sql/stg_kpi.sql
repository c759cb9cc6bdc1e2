-- staging: the KPI file as a typed long table (one row per line × KPI column). Empty cells are
-- read as empty text (stg_raw_kpi sets no null string), so UNPIVOT keeps them. mixwise_number is
-- stg_spend's macro (run first).
CREATE OR REPLACE TABLE stg_kpi AS
SELECT _row, TRY_CAST(trim(date) AS DATE) AS date, trim(date) AS date_text,
       coalesce(trim(geo), '') AS geo, coalesce(trim(product), '') AS product,
       CASE WHEN {{by_geo}} = 1 THEN coalesce(trim(geo), '') ELSE '' END AS key_geo,
       CASE WHEN {{by_product}} = 1 THEN coalesce(trim(product), '') ELSE '' END AS key_product,
       kpi, nullif(trim(value_text), '') AS value_text,
       mixwise_number(nullif(trim(value_text), '')) AS value
FROM (UNPIVOT raw_kpi ON COLUMNS(* EXCLUDE (_row, date, geo, product)) INTO NAME kpi VALUE value_text);
