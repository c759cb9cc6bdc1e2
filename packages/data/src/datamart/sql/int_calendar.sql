-- intermediate: the modeling periods. Each date maps to the start of its period: itself (daily,
-- step 1) or the last {{week_start}} on or before it (weekly, step 7; DuckDB dayofweek: Sunday = 0).
-- The calendar runs from the first to the last period seen in either file, with no gaps.
CREATE OR REPLACE MACRO period_start(d) AS
  CASE WHEN {{step_days}} = 7 THEN d - CAST((dayofweek(d) - {{week_start}} + 7) % 7 AS INTEGER) ELSE d END;
CREATE OR REPLACE TABLE int_calendar AS
WITH bounds AS (
  SELECT min(p) AS first, max(p) AS last FROM (
    SELECT period_start(min(date)) AS p FROM stg_spend UNION ALL SELECT period_start(max(date)) FROM stg_spend
    UNION ALL SELECT period_start(min(date)) FROM stg_kpi UNION ALL SELECT period_start(max(date)) FROM stg_kpi))
SELECT CAST(r.range AS DATE) AS period
FROM bounds, range(bounds.first, bounds.last + INTERVAL 1 DAY, INTERVAL {{step_days}} DAY) AS r;
