-- Cells of the extra columns of a Meridian geo file (non-media treatments such as Promo: numeric
-- columns outside its media, control and KPI columns) that are not finite numbers, per column: how
-- many and the first one (line, value). A column with any is left out (with a warning), not guessed.
-- {{columns}} is a regular expression naming the columns.
WITH cells AS (
  SELECT _line, coalesce(COLUMNS({{columns}}), '') FROM stg_meridian_geo_raw
), long AS (
  UNPIVOT cells ON COLUMNS({{columns}}) INTO NAME column_name VALUE value
)
SELECT column_name, count(*) AS bad, min(_line) AS line, arg_min(value, _line) AS value
FROM long
WHERE TRY_CAST(value AS DOUBLE) IS NULL OR NOT isfinite(TRY_CAST(value AS DOUBLE))
GROUP BY column_name
ORDER BY column_name;
