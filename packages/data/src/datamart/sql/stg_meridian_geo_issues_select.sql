-- Bad cells of a Meridian geo file: an impossible or unreadable time, an empty or non-numeric cell in
-- any measure column (*_spend, *_impression, *_control, conversions, population,
-- revenue_per_conversion), a negative spend, and a geo × time pair that appears twice. Rows of
-- (row, column_name, value, code) as sqlIssues expects.
WITH measure_cells AS (
  -- Empty cells read as NULL, which UNPIVOT would drop: keep them as ''.
  SELECT _line, coalesce(COLUMNS('(_spend|_impression|_control)$|^(conversions|population|revenue_per_conversion)$'), '') FROM stg_meridian_geo_raw
), measures AS (
  UNPIVOT measure_cells
  ON COLUMNS('(_spend|_impression|_control)$|^(conversions|population|revenue_per_conversion)$') INTO NAME column_name VALUE value
)
SELECT _line AS row, column_name, coalesce(value, '') AS value,
       CASE WHEN value IS NULL OR trim(value) = '' THEN 'EMPTY_CELL'
            WHEN TRY_CAST(value AS DOUBLE) IS NULL THEN 'NOT_A_NUMBER'
            WHEN NOT isfinite(CAST(value AS DOUBLE)) THEN 'NON_FINITE'
            ELSE 'NEGATIVE_SPEND' END AS code
FROM measures
WHERE value IS NULL OR trim(value) = '' OR TRY_CAST(value AS DOUBLE) IS NULL OR NOT isfinite(CAST(value AS DOUBLE))
   OR (column_name LIKE '%\_spend' ESCAPE '\' AND CAST(value AS DOUBLE) < 0)
UNION ALL
SELECT _line, 'time', coalesce(time, ''), 'INVALID_DATE' FROM stg_meridian_geo_raw WHERE TRY_CAST(time AS DATE) IS NULL
UNION ALL
SELECT _line, 'time', time, 'DUPLICATE_DATE' FROM (
  SELECT _line, time, row_number() OVER (PARTITION BY geo, time ORDER BY _line) AS k FROM stg_meridian_geo_raw
) WHERE k > 1 AND TRY_CAST(time AS DATE) IS NOT NULL
ORDER BY row, column_name;
