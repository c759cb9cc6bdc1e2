-- mart (B2B geo): booked revenue (by invoice week) and pipeline created (by created week) per country
-- over the modeling window, weeks {{from}} … {{to}} inclusive (week starts, as in the national table),
-- with the country's region from ref_countries. Amounts in integer cents, so the countries add up to
-- the national revenue and pipeline columns exactly. A country with only pipeline (or only bookings)
-- in the window still gets a row, with 0 for the other amount.
CREATE OR REPLACE TABLE mart_b2b_geo AS
WITH revenue AS (
  SELECT country, min(region) AS region, CAST(sum(amount) * 100 AS BIGINT) AS revenue_cents
  FROM int_b2b_bookings WHERE week BETWEEN CAST({{from}} AS DATE) AND CAST({{to}} AS DATE) GROUP BY country
), pipeline AS (
  SELECT country, min(region) AS region, CAST(sum(amount) * 100 AS BIGINT) AS pipeline_cents
  FROM int_b2b_pipeline WHERE week BETWEEN CAST({{from}} AS DATE) AND CAST({{to}} AS DATE) GROUP BY country
)
SELECT coalesce(r.country, p.country) AS country, coalesce(r.region, p.region) AS region,
       coalesce(r.revenue_cents, 0) AS revenue_cents, coalesce(p.pipeline_cents, 0) AS pipeline_cents
FROM revenue r FULL OUTER JOIN pipeline p ON p.country = r.country;
