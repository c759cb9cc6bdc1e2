-- staging (optional): the controls file (date and one column per control, national) as a typed long
-- table, and every bad cell of it. Empty cells are read as empty text so UNPIVOT keeps them.
CREATE OR REPLACE TABLE raw_controls AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS _row, *
FROM read_csv({{path}}, all_varchar = true, header = true, nullstr = '\u0000mixwise-no-null');
CREATE OR REPLACE TABLE stg_controls AS
SELECT _row, TRY_CAST(trim(date) AS DATE) AS date, trim(date) AS date_text, name,
       trim(value_text) AS value_text, TRY_CAST(nullif(trim(value_text), '') AS DOUBLE) AS value
FROM (UNPIVOT raw_controls ON COLUMNS(* EXCLUDE (_row, date)) INTO NAME name VALUE value_text);
CREATE OR REPLACE TABLE stg_controls_issues AS
SELECT DISTINCT _row AS row, 'date' AS column_name, date_text AS value,
       CASE WHEN date_text = '' THEN 'EMPTY_CELL' ELSE 'INVALID_DATE' END AS code
FROM stg_controls WHERE date IS NULL
UNION ALL
SELECT _row, name, value_text,
       CASE WHEN value_text = '' THEN 'EMPTY_CELL' WHEN value IS NULL THEN 'NOT_A_NUMBER' ELSE 'NON_FINITE' END
FROM stg_controls WHERE value IS NULL OR NOT isfinite(value);
