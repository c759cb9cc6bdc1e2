-- The bad cells of the controls file.
SELECT row, column_name, value, code FROM stg_controls_issues;
