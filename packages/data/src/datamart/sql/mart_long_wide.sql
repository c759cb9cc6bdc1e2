-- mart: the wide modeling table, one row per period (× geo × product when split): date, geo,
-- product, each KPI, then <channel>_spend, <channel>_impressions, <channel>_clicks for every
-- distinct channel in the data (no fixed list).
CREATE OR REPLACE TABLE mart_spend_wide AS
PIVOT (SELECT period, geo, product, channel, spend, impressions, clicks FROM int_spend_period)
ON channel USING sum(spend) AS spend, sum(impressions) AS impressions, sum(clicks) AS clicks GROUP BY period, geo, product;
CREATE OR REPLACE TABLE mart_kpi_wide AS
PIVOT (SELECT period, geo, product, kpi, value FROM int_kpi_period) ON kpi USING sum(value) GROUP BY period, geo, product;
CREATE OR REPLACE TABLE mart_modeling AS
SELECT strftime(c.period, '%Y-%m-%d') AS date, x.geo, x.product,
       k.* EXCLUDE (period, geo, product), s.* EXCLUDE (period, geo, product)
FROM int_calendar c CROSS JOIN int_keys x
LEFT JOIN mart_kpi_wide k ON k.period = c.period AND k.geo = x.geo AND k.product = x.product
LEFT JOIN mart_spend_wide s ON s.period = c.period AND s.geo = x.geo AND s.product = x.product;
