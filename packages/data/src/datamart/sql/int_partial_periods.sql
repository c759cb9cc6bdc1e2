-- intermediate: weekly periods at either end that a daily KPI file covers only in part (their sums
-- are low; drop them with the modeling window). Empty for daily output or weekly input.
WITH days AS (
  SELECT period_start(date) AS period, count(DISTINCT date) AS n FROM stg_kpi WHERE date IS NOT NULL GROUP BY 1
)
SELECT strftime(period, '%Y-%m-%d') AS date, CAST(n AS INTEGER) AS days FROM days
WHERE {{step_days}} = 7 AND n < 7 AND (SELECT max(n) FROM days) > 1
  AND (period = (SELECT min(period) FROM days) OR period = (SELECT max(period) FROM days))
ORDER BY 1;
