-- staging: every bad cell of the spend file, one row per (line, column). Runs only when stg_spend
-- flagged a bad line: the file is read again as text and matched line by line (_line) to quote
-- what it said.
CREATE OR REPLACE TABLE raw_spend AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS _line, *
FROM read_csv({{path}}, all_varchar = true, header = true, nullstr = '\u0000mixwise-no-null');
ALTER TABLE raw_spend ADD COLUMN IF NOT EXISTS impressions VARCHAR DEFAULT '';
ALTER TABLE raw_spend ADD COLUMN IF NOT EXISTS clicks VARCHAR DEFAULT '';
CREATE OR REPLACE TABLE stg_spend_issues AS
WITH b AS (
  SELECT s._line AS row, s.date, s.channel, s.spend, s.impressions, s.clicks,
         trim(r.date) AS date_text, trim(r.spend) AS spend_text,
         trim(coalesce(r.impressions, '')) AS impressions_text, trim(coalesce(r.clicks, '')) AS clicks_text
  FROM stg_spend s JOIN raw_spend r ON r._line = s._line WHERE s.bad
)
SELECT row, 'date' AS column_name, date_text AS value,
       CASE WHEN date_text = '' THEN 'EMPTY_CELL' ELSE 'INVALID_DATE' END AS code
FROM b WHERE date IS NULL
UNION ALL
SELECT row, 'channel', '', 'EMPTY_CELL' FROM b WHERE channel = ''
UNION ALL
SELECT row, 'spend', spend_text,
       CASE WHEN spend_text = '' THEN 'EMPTY_CELL' WHEN spend IS NULL THEN 'NOT_A_NUMBER' ELSE 'NON_FINITE' END
FROM b WHERE spend IS NULL OR NOT isfinite(spend)
UNION ALL
SELECT row, 'impressions', impressions_text, CASE WHEN impressions IS NULL THEN 'NOT_A_NUMBER' ELSE 'NON_FINITE' END
FROM b WHERE impressions_text <> '' AND (impressions IS NULL OR NOT isfinite(impressions))
UNION ALL
SELECT row, 'clicks', clicks_text, CASE WHEN clicks IS NULL THEN 'NOT_A_NUMBER' ELSE 'NON_FINITE' END
FROM b WHERE clicks_text <> '' AND (clicks IS NULL OR NOT isfinite(clicks));
