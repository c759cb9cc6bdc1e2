-- Set-level check of a large source file (the in-memory path is exactDuplicates): rows identical in
-- every column (cells trimmed) to an earlier row, as [first line, repeating line] pairs in file order
-- of the repeat. line = file line (header = 1), numbered as stg_spend numbers them. Rows are grouped
-- by a hash first, so only the few rows of a repeated hash are compared cell by cell.
WITH trimmed AS (
  SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS mixwise_line, trim(COLUMNS(*))
  FROM read_csv({{path}}, all_varchar = true, header = true, nullstr = '\u0000mixwise-no-null')
), numbered AS (
  SELECT mixwise_line AS line, list_value(*COLUMNS(* EXCLUDE (mixwise_line))) AS cells FROM trimmed
), hashed AS (
  SELECT line, cells, hash(cells) AS h FROM numbered
), repeated AS (
  SELECT h FROM hashed GROUP BY h HAVING count(*) > 1
), candidates AS (
  SELECT line, cells FROM hashed WHERE h IN (SELECT h FROM repeated)
)
SELECT CAST(min(line) OVER (PARTITION BY cells) AS INTEGER) AS first_line, line
FROM candidates
QUALIFY line <> first_line
ORDER BY line;
