-- The weekly calendar, in week order.
SELECT * FROM mart_calendar ORDER BY week;
