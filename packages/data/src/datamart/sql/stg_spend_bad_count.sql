-- How many lines of the spend file have at least one bad cell.
SELECT count(*) AS n FROM stg_spend WHERE bad;
