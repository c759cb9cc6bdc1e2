-- Whether the spend file carries any impressions / clicks values.
SELECT count(impressions) > 0 AS impressions, count(clicks) > 0 AS clicks FROM stg_spend;
