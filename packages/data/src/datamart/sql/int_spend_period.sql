-- intermediate: spend, impressions and clicks per period × geo × product × channel (daily → weekly
-- when step is 7; geo and product are '' unless the output is split by them), gaps filled: a
-- (period, geo, product, channel) with no line in the file gets zero, flagged filled = true.
CREATE OR REPLACE TABLE int_keys AS
SELECT DISTINCT geo, product FROM stg_spend
UNION
SELECT DISTINCT key_geo, key_product FROM stg_kpi;
CREATE OR REPLACE TABLE int_spend_period AS
WITH summed AS (
  SELECT period_start(date) AS period, geo, product, channel, sum(spend) AS spend,
         sum(impressions) AS impressions, sum(clicks) AS clicks
  FROM stg_spend GROUP BY ALL
), channels AS (
  SELECT channel, min(_line) AS first_row FROM stg_spend GROUP BY channel
)
SELECT c.period, k.geo, k.product, ch.channel, ch.first_row, s.period IS NULL AS filled,
       coalesce(s.spend, 0) AS spend, coalesce(s.impressions, 0) AS impressions, coalesce(s.clicks, 0) AS clicks
FROM int_calendar c CROSS JOIN int_keys k CROSS JOIN channels ch
LEFT JOIN summed s ON s.period = c.period AND s.geo = k.geo AND s.product = k.product AND s.channel = ch.channel;
