-- intermediate: each KPI summed per period × geo × product (over the days of a week, and over geo
-- and product unless the output is split by them).
CREATE OR REPLACE TABLE int_kpi_period AS
SELECT period_start(date) AS period, key_geo AS geo, key_product AS product, kpi, sum(value) AS value
FROM stg_kpi GROUP BY ALL;
