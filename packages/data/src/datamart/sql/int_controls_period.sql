-- intermediate (optional controls file): each control averaged per period (a level, not a flow).
SELECT strftime(period_start(date), '%Y-%m-%d') AS date, name, avg(value) AS value
FROM stg_controls WHERE date IS NOT NULL GROUP BY ALL ORDER BY 2, 1;
