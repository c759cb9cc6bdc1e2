-- Set-level check of a large source file (the in-memory path is duplicateIds): the lines whose
-- {{@column}} (trimmed, non-empty) repeats an earlier line's, in file order, with the first line of the
-- id; the first {{shown}} only, each row with the total count. line = file line (header = 1), numbered
-- as the staging models number them.
WITH ids AS (
  SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS line, trim({{@column}}) AS id
  FROM read_csv({{path}}, all_varchar = true, header = true, nullstr = '\u0000mixwise-no-null')
), repeats AS (
  SELECT id, line, CAST(min(line) OVER (PARTITION BY id) AS INTEGER) AS first_line FROM ids WHERE id <> ''
  QUALIFY line <> first_line
)
SELECT id, first_line, line, count(*) OVER () AS total FROM repeats ORDER BY line LIMIT {{shown}};
