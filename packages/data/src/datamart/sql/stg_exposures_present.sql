-- Per channel, whether the spend file carries any impressions / clicks values for it. A channel with
-- none gets no <channel>_impressions / _clicks column (it would be all zero, read as no exposure).
SELECT channel, count(impressions) > 0 AS impressions, count(clicks) > 0 AS clicks FROM stg_spend GROUP BY channel;
