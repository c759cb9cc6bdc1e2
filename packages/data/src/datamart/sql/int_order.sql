-- The channels in order of first appearance in the spend file (used to order the wide columns).
SELECT channel AS name, min(first_row) AS first_row FROM int_spend_period GROUP BY channel ORDER BY first_row, name;
