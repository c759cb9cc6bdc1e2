-- mart (Meridian geo): per geo over the modeling window, dates {{from}} … {{to}} inclusive: Σ conversions,
-- Σ revenue (conversions × revenue_per_conversion; NULL when the file has no such column) and Σ media
-- spend over every channel. Summed over geos these are the national roll-up's columns (mart_meridian_national).
CREATE OR REPLACE TABLE mart_meridian_geo AS
WITH kpi AS (
  SELECT geo, sum(conversions) AS conversions, sum(revenue) AS revenue
  FROM int_meridian_geo_kpi WHERE date BETWEEN CAST({{from}} AS DATE) AND CAST({{to}} AS DATE) GROUP BY geo
), media AS (
  SELECT geo, sum(spend) AS spend
  FROM int_meridian_geo_long WHERE date BETWEEN CAST({{from}} AS DATE) AND CAST({{to}} AS DATE) GROUP BY geo
)
SELECT k.geo, k.conversions, k.revenue, coalesce(m.spend, 0) AS spend
FROM kpi k LEFT JOIN media m ON m.geo = k.geo;
