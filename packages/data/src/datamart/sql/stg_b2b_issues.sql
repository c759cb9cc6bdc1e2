-- staging (B2B): every date or amount cell of the three source files that is empty, unreadable or
-- negative, with its file line (rowid + 2; the header is line 1).
SELECT 'ads' AS source, CAST(rowid + 2 AS INTEGER) AS row, 'date' AS column_name, date_text AS value,
       CASE WHEN date_text = '' THEN 'EMPTY_CELL' ELSE 'INVALID_DATE' END AS code
FROM stg_b2b_ads WHERE date IS NULL
UNION ALL
SELECT 'ads', CAST(rowid + 2 AS INTEGER), 'spend', spend_text,
       CASE WHEN spend_text = '' THEN 'EMPTY_CELL' WHEN spend IS NULL THEN 'NOT_A_NUMBER' ELSE 'NEGATIVE_SPEND' END
FROM stg_b2b_ads WHERE spend IS NULL OR spend < 0
UNION ALL
SELECT 'crm', CAST(rowid + 2 AS INTEGER), 'created_date', date_text,
       CASE WHEN date_text = '' THEN 'EMPTY_CELL' ELSE 'INVALID_DATE' END
FROM stg_b2b_opportunities WHERE created_date IS NULL
UNION ALL
SELECT 'crm', CAST(rowid + 2 AS INTEGER), 'amount', amount_text,
       CASE WHEN amount_text = '' THEN 'EMPTY_CELL' ELSE 'NOT_A_NUMBER' END
FROM stg_b2b_opportunities WHERE amount IS NULL
UNION ALL
SELECT 'erp', CAST(rowid + 2 AS INTEGER), 'invoice_date', date_text,
       CASE WHEN date_text = '' THEN 'EMPTY_CELL' ELSE 'INVALID_DATE' END
FROM stg_b2b_bookings WHERE invoice_date IS NULL
UNION ALL
SELECT 'erp', CAST(rowid + 2 AS INTEGER), 'amount', amount_text,
       CASE WHEN amount_text = '' THEN 'EMPTY_CELL' ELSE 'NOT_A_NUMBER' END
FROM stg_b2b_bookings WHERE amount IS NULL
ORDER BY 1, 2, 3;
