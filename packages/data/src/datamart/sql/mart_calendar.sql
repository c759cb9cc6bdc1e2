-- mart: a weekly calendar from the week of {{first}} to the week of {{last}} (weeks start on day
-- {{week_start}}, DuckDB dayofweek: Sunday = 0), with one 0/1 flag per holiday: 1 when any day of
-- the week falls in the holiday. The holiday days come from the engine's calendar rules
-- (packages/engine/src/calendar: one rule per holiday, Easter by the anonymous Gregorian algorithm),
-- loaded by calendar-table.ts into int_holidays (holiday, day) before this model runs. The flag
-- columns are the holidays int_holidays holds (a PIVOT over them), so the list of holidays lives only
-- in the engine (HOLIDAY_KIND_RULES): new_year, valentines, easter, thanksgiving, black_friday, …
CREATE OR REPLACE MACRO calendar_week(d) AS d - CAST((dayofweek(d) - {{week_start}} + 7) % 7 AS INTEGER);
CREATE OR REPLACE TABLE mart_calendar AS
WITH weeks AS (
  SELECT CAST(range AS DATE) AS week
  FROM range(calendar_week(DATE {{first}}), calendar_week(DATE {{last}}) + INTERVAL 1 DAY, INTERVAL 7 DAY)
),
holidays AS (SELECT DISTINCT holiday FROM int_holidays),
flags AS (
  SELECT w.week, k.holiday, CAST(count(h.day) > 0 AS INTEGER) AS flag
  FROM weeks w CROSS JOIN holidays k
  LEFT JOIN int_holidays h ON h.holiday = k.holiday AND h.day BETWEEN w.week AND w.week + 6
  GROUP BY w.week, k.holiday
)
SELECT strftime(week, '%Y-%m-%d') AS week, strftime(week + 6, '%Y-%m-%d') AS week_end,
       CAST(year(week + 3) AS INTEGER) AS year, * EXCLUDE (week)
FROM (PIVOT flags ON holiday USING first(flag) GROUP BY week)
ORDER BY week;
