-- intermediate (optional events file): the periods in which each event happens on at least one day.
SELECT DISTINCT strftime(period_start(date), '%Y-%m-%d') AS date, event AS name
FROM stg_events WHERE date IS NOT NULL ORDER BY 2, 1;
