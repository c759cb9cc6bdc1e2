-- The geo × week × channel long table of a Meridian geo file.
SELECT geo, strftime(date, '%Y-%m-%d') AS date, channel, spend, impressions
FROM int_meridian_geo_long ORDER BY geo, date, channel;
