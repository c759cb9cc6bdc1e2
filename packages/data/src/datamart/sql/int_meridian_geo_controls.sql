-- intermediate: the geo file's control columns (*_control) as a long table, one row per geo × week ×
-- control, with the geo's population as the weight of the national roll-up. Run only when the file
-- has at least one *_control column.
CREATE OR REPLACE TABLE int_meridian_geo_controls AS
UNPIVOT (SELECT geo, time AS date, CAST(population AS DOUBLE) AS population, COLUMNS('_control$') FROM stg_meridian_geo)
ON COLUMNS('_control$') INTO NAME control VALUE value;
