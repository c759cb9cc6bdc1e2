-- mart (B2B): weekly spend per channel (every week × channel, zero-filled), and pipeline created /
-- booked revenue at national, region and product-category level (GROUPING SETS). Amounts in cents.
CREATE OR REPLACE TABLE mart_b2b_spend AS
SELECT w.week, ch.channel,
       CAST(coalesce(sum(a.spend), 0) * 100 AS BIGINT) AS spend_cents,
       coalesce(sum(a.impressions), 0) AS impressions, coalesce(sum(a.clicks), 0) AS clicks
FROM int_b2b_weeks w CROSS JOIN (SELECT DISTINCT channel FROM stg_b2b_ref_campaigns) ch
LEFT JOIN int_b2b_ads a ON a.week = w.week AND a.channel = ch.channel
GROUP BY w.week, ch.channel;
CREATE OR REPLACE TABLE mart_b2b_pipeline AS
SELECT week, CASE WHEN GROUPING(region) = 0 THEN 'region' WHEN GROUPING(category) = 0 THEN 'product' ELSE 'national' END AS level,
       region, category, CAST(sum(amount) * 100 AS BIGINT) AS cents, count(*) AS n
FROM int_b2b_pipeline GROUP BY GROUPING SETS ((week), (week, region), (week, category));
CREATE OR REPLACE TABLE mart_b2b_revenue AS
SELECT week, CASE WHEN GROUPING(region) = 0 THEN 'region' WHEN GROUPING(category) = 0 THEN 'product' ELSE 'national' END AS level,
       region, category, CAST(sum(amount) * 100 AS BIGINT) AS cents, count(*) AS n
FROM int_b2b_bookings GROUP BY GROUPING SETS ((week), (week, region), (week, category));
