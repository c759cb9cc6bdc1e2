-- The bad cells of the events file.
SELECT row, column_name, value, code FROM stg_events_issues;
