-- staging: every bad cell of the KPI file, and every line that repeats a date (× geo × product).
CREATE OR REPLACE TABLE stg_kpi_issues AS
SELECT DISTINCT _row AS row, 'date' AS column_name, coalesce(date_text, '') AS value,
       CASE WHEN coalesce(date_text, '') = '' THEN 'EMPTY_CELL' ELSE 'INVALID_DATE' END AS code
FROM stg_kpi WHERE date IS NULL
UNION ALL
SELECT _row, kpi, coalesce(value_text, ''),
       CASE WHEN value_text IS NULL THEN 'EMPTY_CELL' WHEN value IS NULL THEN 'NOT_A_NUMBER' ELSE 'NON_FINITE' END
FROM stg_kpi WHERE value IS NULL OR NOT isfinite(value)
UNION ALL
SELECT DISTINCT _row, 'date', date_text, 'DUPLICATE_DATE'
FROM (SELECT _row, date_text, count(*) OVER (PARTITION BY kpi, date, geo, product) AS n, kpi,
             min(kpi) OVER () AS first_kpi FROM stg_kpi WHERE date IS NOT NULL)
WHERE n > 1 AND kpi = first_kpi;
