-- The national roll-up of a Meridian geo file, in date order.
SELECT * FROM mart_meridian_national ORDER BY date;
