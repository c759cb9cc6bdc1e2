-- staging: leaves out of stg_spend the data rows whose index (1 = first data row, _line - 1) is in
-- {{drop_rows}} (a comma list: exact duplicates left out by sources.drop_duplicate_rows).
DELETE FROM stg_spend WHERE list_position(string_split({{drop_rows}}, ','), CAST(_line - 1 AS VARCHAR)) IS NOT NULL;
