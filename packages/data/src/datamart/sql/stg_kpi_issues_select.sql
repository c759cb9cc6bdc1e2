-- The bad cells of the KPI file (stg_kpi_issues).
SELECT row, column_name, value, code FROM stg_kpi_issues;
