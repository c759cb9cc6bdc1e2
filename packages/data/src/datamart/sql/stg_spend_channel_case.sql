-- staging check: channel names that differ only by case (search / Search). DuckDB's PIVOT matches
-- them case-insensitively, so they would collide in one column; each needs a single spelling.
-- line = _line (header = 1), the first line of each spelling.
WITH firsts AS (
  SELECT channel, min(_line) AS line FROM stg_spend WHERE channel <> '' GROUP BY channel
)
SELECT min(line) AS line, string_agg(format('"{}" (line {})', channel, line), ', ' ORDER BY line) AS spellings
FROM firsts GROUP BY lower(channel) HAVING count(*) > 1 ORDER BY 1;
