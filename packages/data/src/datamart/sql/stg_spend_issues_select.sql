-- The bad cells of the spend file (stg_spend_issues).
SELECT row, column_name, value, code FROM stg_spend_issues;
