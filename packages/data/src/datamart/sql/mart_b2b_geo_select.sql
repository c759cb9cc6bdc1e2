-- The B2B geo mart, one row per country in code order.
SELECT country, region, revenue_cents, pipeline_cents FROM mart_b2b_geo ORDER BY country;
