-- staging: the long spend file typed and trimmed in one pass. Empty cells are read as empty text
-- (the null string is set to something that never occurs). A cell that fails its cast is NULL and
-- the row is flagged bad; stg_spend_issues then locates every bad cell. rowid + 2 is the file line
-- (header = 1): DuckDB keeps the file's order on insert. {{@impressions}} / {{@clicks}} name the
-- optional columns, or are NULL when the file lacks them; {{@geo}} / {{@product}} name the split
-- columns, or are NULL when the output is not split by them (rows are then summed over them).
CREATE OR REPLACE TABLE stg_spend AS
SELECT date, channel, spend, impressions, clicks, geo, product,
       date IS NULL OR channel = '' OR spend IS NULL OR NOT isfinite(spend) OR spend < 0
       OR (impressions_text <> '' AND (impressions IS NULL OR NOT isfinite(impressions)))
       OR (clicks_text <> '' AND (clicks IS NULL OR NOT isfinite(clicks))) AS bad
FROM (
  SELECT TRY_CAST(date AS DATE) AS date, trim(channel) AS channel, TRY_CAST(spend AS DOUBLE) AS spend,
         coalesce(trim({{@geo}}), '') AS geo, coalesce(trim({{@product}}), '') AS product,
         trim(coalesce({{@impressions}}, '')) AS impressions_text, TRY_CAST(nullif(trim({{@impressions}}), '') AS DOUBLE) AS impressions,
         trim(coalesce({{@clicks}}, '')) AS clicks_text, TRY_CAST(nullif(trim({{@clicks}}), '') AS DOUBLE) AS clicks
  FROM read_csv({{path}}, all_varchar = true, header = true, nullstr = '\u0000mixwise-no-null')
);
