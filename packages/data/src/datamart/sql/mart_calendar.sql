-- mart: a weekly calendar from the week of {{first}} to the week of {{last}} (weeks start on day
-- {{week_start}}, DuckDB dayofweek: Sunday = 0), with one 0/1 flag per holiday: 1 when any day of
-- the week falls in the holiday. Holidays are generated from rules (no data file), the same rules
-- as the engine's simulator calendar (packages/engine/src/simulate/calendar/holidays.ts):
-- new_year Jan 1 · valentines Feb 14 · easter Good Friday–Easter Sunday · thanksgiving 4th Thursday
-- of November (US) · black_friday the day after · cyber_monday 4 days after · christmas_shopping
-- Dec 11–24 · christmas Dec 24–26 · year_end Dec 27–31.
-- Easter Sunday: anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, 1991, ch. 8).
CREATE OR REPLACE MACRO easter_h(y) AS
  (19 * (y % 19) + y // 100 - (y // 100) // 4 - (y // 100 - (y // 100 + 8) // 25 + 1) // 3 + 15) % 30;
CREATE OR REPLACE MACRO easter_l(y) AS
  (32 + 2 * ((y // 100) % 4) + 2 * ((y % 100) // 4) - easter_h(y) - (y % 100) % 4) % 7;
CREATE OR REPLACE MACRO easter_m(y) AS ((y % 19) + 11 * easter_h(y) + 22 * easter_l(y)) // 451;
CREATE OR REPLACE MACRO easter_sunday(y) AS make_date(CAST(y AS BIGINT),
  CAST((easter_h(y) + easter_l(y) - 7 * easter_m(y) + 114) // 31 AS BIGINT),
  CAST((easter_h(y) + easter_l(y) - 7 * easter_m(y) + 114) % 31 + 1 AS BIGINT));
CREATE OR REPLACE MACRO thanksgiving(y) AS
  make_date(CAST(y AS BIGINT), 11, 1) + CAST((4 - dayofweek(make_date(CAST(y AS BIGINT), 11, 1)) + 7) % 7 + 21 AS INTEGER);
CREATE OR REPLACE MACRO calendar_week(d) AS d - CAST((dayofweek(d) - {{week_start}} + 7) % 7 AS INTEGER);
CREATE OR REPLACE TABLE int_holidays AS
WITH years AS (
  SELECT range AS y FROM range(year(DATE {{first}}) - 1, year(DATE {{last}}) + 2)
), spans AS (
  SELECT 'new_year' AS holiday, make_date(y, 1, 1) AS first_day, make_date(y, 1, 1) AS last_day FROM years
  UNION ALL SELECT 'valentines', make_date(y, 2, 14), make_date(y, 2, 14) FROM years
  UNION ALL SELECT 'easter', easter_sunday(y) - 2, easter_sunday(y) FROM years
  UNION ALL SELECT 'thanksgiving', thanksgiving(y), thanksgiving(y) FROM years
  UNION ALL SELECT 'black_friday', thanksgiving(y) + 1, thanksgiving(y) + 1 FROM years
  UNION ALL SELECT 'cyber_monday', thanksgiving(y) + 4, thanksgiving(y) + 4 FROM years
  UNION ALL SELECT 'christmas_shopping', make_date(y, 12, 11), make_date(y, 12, 24) FROM years
  UNION ALL SELECT 'christmas', make_date(y, 12, 24), make_date(y, 12, 26) FROM years
  UNION ALL SELECT 'year_end', make_date(y, 12, 27), make_date(y, 12, 31) FROM years
)
SELECT holiday, CAST(unnest(generate_series(first_day, last_day, INTERVAL 1 DAY)) AS DATE) AS day FROM spans;
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
