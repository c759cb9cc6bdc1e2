-- The spend file's negative lines (credits, refunds), counted, with the first; they are summed into
-- their periods (int_negative_periods checks the totals).
SELECT CAST(count(*) AS INTEGER) AS n, min(_line) AS line FROM stg_spend WHERE spend < 0;
