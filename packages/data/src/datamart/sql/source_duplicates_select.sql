-- Set-level check of a large source file (the in-memory path is exactDuplicates): among the candidate
-- lines {{lines}} (a comma list: the lines whose cells sourceScan hashed alike), the rows identical in
-- every column (cells trimmed) to an earlier row, as [first line, repeating line] pairs in file order
-- of the repeat. line = file line (header = 1), numbered as stg_spend numbers them.
WITH cells AS (
  SELECT line, list_value(*COLUMNS(* EXCLUDE (line))) AS cells
  FROM (SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS line, trim(COLUMNS(*))
        FROM read_csv({{path}}, all_varchar = true, header = true, nullstr = '\u0000mixwise-no-null'))
  WHERE line IN (SELECT CAST(unnest(string_split({{lines}}, ',')) AS INTEGER))
)
SELECT CAST(min(line) OVER (PARTITION BY cells) AS INTEGER) AS first_line, line
FROM cells
QUALIFY line <> first_line
ORDER BY line;
