-- The finished modeling table, by geo, product, then date.
SELECT * FROM mart_modeling ORDER BY geo, product, date;
