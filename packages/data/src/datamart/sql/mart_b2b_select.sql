-- The B2B marts as one long result: kind = spend | pipeline | revenue.
SELECT 'spend' AS kind, strftime(week, '%Y-%m-%d') AS week, 'national' AS level, channel AS name, spend_cents AS cents, impressions, clicks
FROM mart_b2b_spend
UNION ALL
SELECT 'pipeline', strftime(week, '%Y-%m-%d'), level, coalesce(region, category, ''), cents, NULL, NULL FROM mart_b2b_pipeline
UNION ALL
SELECT 'revenue', strftime(week, '%Y-%m-%d'), level, coalesce(region, category, ''), cents, NULL, NULL FROM mart_b2b_revenue
ORDER BY 1, 2, 3, 4;
