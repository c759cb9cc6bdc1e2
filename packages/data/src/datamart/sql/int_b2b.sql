-- intermediate (B2B): sources joined to the reference tables and dated to their week (starting on
-- day {{week_start}}, DuckDB dayofweek: Sunday = 0). LEFT JOINs keep rows whose key has no mapping
-- (channel / region / category NULL) so that int_b2b_unmapped can report them.
CREATE OR REPLACE MACRO b2b_week(d) AS d - CAST((dayofweek(d) - {{week_start}} + 7) % 7 AS INTEGER);
CREATE OR REPLACE TABLE int_b2b_ads AS
SELECT b2b_week(a.date) AS week, a.*, r.channel
FROM stg_b2b_ads a LEFT JOIN stg_b2b_ref_campaigns r ON r.platform = a.platform AND r.campaign = a.campaign;
CREATE OR REPLACE TABLE int_b2b_pipeline AS
SELECT b2b_week(o.created_date) AS week, o.*, c.region, o.product_line AS category
FROM stg_b2b_opportunities o LEFT JOIN stg_b2b_ref_countries c ON c.country = o.country;
CREATE OR REPLACE TABLE int_b2b_bookings AS
SELECT b2b_week(b.invoice_date) AS week, b.*, c.region, p.category
FROM stg_b2b_bookings b
LEFT JOIN stg_b2b_ref_countries c ON c.country = b.country
LEFT JOIN stg_b2b_ref_products p ON p.product = b.product;
CREATE OR REPLACE TABLE int_b2b_weeks AS
WITH bounds AS (
  SELECT min(w) AS first, max(w) AS last FROM (
    SELECT week AS w FROM int_b2b_ads UNION ALL SELECT week FROM int_b2b_pipeline UNION ALL SELECT week FROM int_b2b_bookings))
SELECT CAST(r.range AS DATE) AS week FROM bounds, range(bounds.first, bounds.last + INTERVAL 1 DAY, INTERVAL 7 DAY) AS r;
