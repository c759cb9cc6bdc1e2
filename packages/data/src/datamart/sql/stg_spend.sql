-- staging: the long spend file typed and trimmed in one pass. Empty cells are read as empty text
-- (the null string is set to something that never occurs). A cell that fails its cast is NULL and
-- the row is flagged bad; stg_spend_issues then locates every bad cell (the cells were checked in
-- TypeScript first, sourceCellIssues, so this is a backstop). _line is the file line (header = 1):
-- DuckDB keeps the file's order. Every data row is staged (longToWide starts this model while its
-- JS checks still run); exact duplicates left out by sources.drop_duplicate_rows are then deleted
-- (stg_spend_drop). Negative spend is not bad here: spend is checked per period once summed
-- (int_negative_periods), so a credit line that nets out within its period is fine. A number written with comma thousands groups (1,234.5) reads as
-- it does in a wide file. {{@impressions}} / {{@clicks}} name the optional columns, or are NULL when
-- the file lacks them; {{@geo}} / {{@product}} name the split columns, or are NULL when the output is
-- not split by them (rows are then summed over them).
-- (The regex can only match a cell with a comma: the cheap test first spares it on every plain number.)
CREATE OR REPLACE MACRO mixwise_number(t) AS
  TRY_CAST(CASE WHEN contains(t, ',') AND regexp_full_match(t, '[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+(\.[0-9]+)?') THEN replace(t, ',', '') ELSE t END AS DOUBLE);
-- An exposure cell as text, '' when empty or a missing marker (NA, n/a, null, -: sourceCellIssues has
-- already refused such a cell on a channel that reports the exposure elsewhere). list_contains, not
-- IN (…): DuckDB plans a long IN list as a join per use, which cost most of the staging time.
CREATE OR REPLACE MACRO exposure_text(t) AS
  CASE WHEN list_contains(['na', 'n/a', '#n/a', 'null', 'none', 'nil', '-'], lower(trim(coalesce(t, '')))) THEN '' ELSE trim(coalesce(t, '')) END;
CREATE OR REPLACE TABLE stg_spend AS
SELECT _line, date, channel, spend, impressions, clicks, geo, product,
       date IS NULL OR channel = '' OR spend IS NULL OR NOT isfinite(spend)
       OR (impressions_text <> '' AND (impressions IS NULL OR NOT isfinite(impressions)))
       OR (clicks_text <> '' AND (clicks IS NULL OR NOT isfinite(clicks))) AS bad
FROM (
  SELECT _line, TRY_CAST(date AS DATE) AS date, trim(channel) AS channel, mixwise_number(trim(spend)) AS spend,
         coalesce(trim({{@geo}}), '') AS geo, coalesce(trim({{@product}}), '') AS product,
         exposure_text({{@impressions}}) AS impressions_text, mixwise_number(nullif(exposure_text({{@impressions}}), '')) AS impressions,
         exposure_text({{@clicks}}) AS clicks_text, mixwise_number(nullif(exposure_text({{@clicks}}), '')) AS clicks
  FROM (SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS _line, *
        FROM read_csv({{path}}, all_varchar = true, header = true, nullstr = '\u0000mixwise-no-null'))
);
