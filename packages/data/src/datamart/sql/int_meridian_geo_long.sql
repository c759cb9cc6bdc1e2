-- intermediate: the geo file as a long media table, one row per geo × week × channel. The channel
-- list comes from the *_spend columns, so any number of channels is read without code changes.
CREATE OR REPLACE TABLE int_meridian_geo_long AS
WITH spend AS (
  UNPIVOT (SELECT geo, time, COLUMNS('_spend$') FROM stg_meridian_geo)
  ON COLUMNS('_spend$') INTO NAME name VALUE spend
), impressions AS (
  UNPIVOT (SELECT geo, time, COLUMNS('_impression$') FROM stg_meridian_geo)
  ON COLUMNS('_impression$') INTO NAME name VALUE impressions
)
SELECT s.geo, s.time AS date, regexp_replace(s.name, '_spend$', '') AS channel,
       CAST(s.spend AS DOUBLE) AS spend, CAST(i.impressions AS DOUBLE) AS impressions
FROM spend s
LEFT JOIN impressions i
  ON i.geo = s.geo AND i.time = s.time AND regexp_replace(i.name, '_impression$', '') = regexp_replace(s.name, '_spend$', '');
-- Revenue is conversions × revenue_per_conversion when the file has that column ({{@rpc}} is NULL otherwise).
CREATE OR REPLACE TABLE int_meridian_geo_kpi AS
SELECT geo, time AS date, CAST(conversions AS DOUBLE) AS conversions, CAST(population AS DOUBLE) AS population,
       CAST(conversions AS DOUBLE) * CAST({{@rpc}} AS DOUBLE) AS revenue
FROM stg_meridian_geo;
