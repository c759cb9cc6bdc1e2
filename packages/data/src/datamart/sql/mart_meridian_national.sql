-- mart: the national roll-up of a Meridian geo file: Σ over geos per week of the KPI, and of each
-- channel's spend and impressions (revenue: Σ conversions × revenue_per_conversion, NULL without it), pivoted to the wide layout (date, conversions, population,
-- <Channel>_spend, <Channel>_impressions).
CREATE OR REPLACE TABLE mart_meridian_national AS
WITH media AS (
  PIVOT (SELECT date, channel, spend, impressions FROM int_meridian_geo_long)
  ON channel USING sum(spend) AS spend, sum(impressions) AS impressions GROUP BY date
), kpi AS (
  SELECT date, sum(conversions) AS conversions, sum(population) AS population, sum(revenue) AS revenue FROM int_meridian_geo_kpi GROUP BY date
)
SELECT strftime(k.date, '%Y-%m-%d') AS date, k.conversions, k.population, k.revenue, m.* EXCLUDE (date)
FROM kpi k JOIN media m ON m.date = k.date
ORDER BY k.date;
