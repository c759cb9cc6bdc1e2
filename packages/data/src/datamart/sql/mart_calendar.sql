-- mart: a weekly calendar from the week of {{first}} to the week of {{last}} (weeks start on day
-- {{week_start}}, DuckDB dayofweek: Sunday = 0), with one 0/1 flag per holiday: 1 when any day of
-- the week falls in the holiday. The holiday days come from the engine's calendar rules
-- (packages/engine/src/calendar: one rule per holiday, Easter by the anonymous Gregorian algorithm),
-- loaded by calendar-table.ts into int_holidays (holiday, day) before this model runs:
-- new_year Jan 1 · valentines Feb 14 · easter Good Friday–Easter Sunday · thanksgiving 4th Thursday
-- of November (US) · black_friday the day after · cyber_monday 4 days after · christmas_shopping
-- Dec 11–24 · christmas Dec 24–26 · year_end Dec 27–31.
CREATE OR REPLACE MACRO calendar_week(d) AS d - CAST((dayofweek(d) - {{week_start}} + 7) % 7 AS INTEGER);
CREATE OR REPLACE TABLE mart_calendar AS
WITH weeks AS (
  SELECT CAST(range AS DATE) AS week
  FROM range(calendar_week(DATE {{first}}), calendar_week(DATE {{last}}) + INTERVAL 1 DAY, INTERVAL 7 DAY)
)
SELECT strftime(w.week, '%Y-%m-%d') AS week, strftime(w.week + 6, '%Y-%m-%d') AS week_end,
       CAST(year(w.week + 3) AS INTEGER) AS year,
       CAST(count(h.day) FILTER (WHERE h.holiday = 'new_year') > 0 AS INTEGER) AS new_year,
       CAST(count(h.day) FILTER (WHERE h.holiday = 'valentines') > 0 AS INTEGER) AS valentines,
       CAST(count(h.day) FILTER (WHERE h.holiday = 'easter') > 0 AS INTEGER) AS easter,
       CAST(count(h.day) FILTER (WHERE h.holiday = 'thanksgiving') > 0 AS INTEGER) AS thanksgiving,
       CAST(count(h.day) FILTER (WHERE h.holiday = 'black_friday') > 0 AS INTEGER) AS black_friday,
       CAST(count(h.day) FILTER (WHERE h.holiday = 'cyber_monday') > 0 AS INTEGER) AS cyber_monday,
       CAST(count(h.day) FILTER (WHERE h.holiday = 'christmas_shopping') > 0 AS INTEGER) AS christmas_shopping,
       CAST(count(h.day) FILTER (WHERE h.holiday = 'christmas') > 0 AS INTEGER) AS christmas,
       CAST(count(h.day) FILTER (WHERE h.holiday = 'year_end') > 0 AS INTEGER) AS year_end
FROM weeks w LEFT JOIN int_holidays h ON h.day BETWEEN w.week AND w.week + 6
GROUP BY w.week ORDER BY w.week;
