-- intermediate: the extra columns of a Meridian geo file that are kept (organic media impressions,
-- non-media treatments such as Promo) as a long table, one row per geo × week × column, with the
-- geo's population as the weight of the national roll-up. {{columns}} is a regular expression naming them.
CREATE OR REPLACE TABLE int_meridian_geo_extras AS
UNPIVOT (SELECT geo, CAST(time AS DATE) AS date, CAST(population AS DOUBLE) AS population, COLUMNS({{columns}}) FROM stg_meridian_geo_raw)
ON COLUMNS({{columns}}) INTO NAME name VALUE value;
