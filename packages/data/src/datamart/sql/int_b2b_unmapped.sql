-- Keys of the sources that the reference tables do not map (each would otherwise drop money).
SELECT 'ads' AS source, 'campaign' AS column_name, platform || ' / ' || campaign AS value, count(*) AS n
FROM int_b2b_ads WHERE channel IS NULL GROUP BY ALL
UNION ALL
SELECT 'crm', 'country', country, count(*) FROM int_b2b_pipeline WHERE region IS NULL GROUP BY ALL
UNION ALL
SELECT 'erp', 'country', country, count(*) FROM int_b2b_bookings WHERE region IS NULL GROUP BY ALL
UNION ALL
SELECT 'erp', 'product', product, count(*) FROM int_b2b_bookings WHERE category IS NULL GROUP BY ALL
ORDER BY 1, 2, 3;
