-- The Meridian geo mart, one row per geo in name order.
SELECT geo, conversions, revenue, spend FROM mart_meridian_geo ORDER BY geo;
