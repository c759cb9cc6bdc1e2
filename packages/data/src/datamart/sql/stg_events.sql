-- staging (optional): the events file (date, event), one line per day an event happens, and every
-- bad cell of it.
CREATE OR REPLACE TABLE stg_events AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS _row, TRY_CAST(trim(date) AS DATE) AS date,
       coalesce(trim(date), '') AS date_text, coalesce(trim(event), '') AS event
FROM read_csv({{path}}, all_varchar = true, header = true, nullstr = '\u0000mixwise-no-null');
CREATE OR REPLACE TABLE stg_events_issues AS
SELECT _row AS row, 'date' AS column_name, date_text AS value,
       CASE WHEN date_text = '' THEN 'EMPTY_CELL' ELSE 'INVALID_DATE' END AS code
FROM stg_events WHERE date IS NULL
UNION ALL
SELECT _row, 'event', '', 'EMPTY_CELL' FROM stg_events WHERE event = '';
