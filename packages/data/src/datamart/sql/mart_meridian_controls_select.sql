-- National value of each control per week: the population-weighted mean over geos (this reproduces
-- the controls of Meridian's national_media.csv from geo_media.csv).
SELECT strftime(date, '%Y-%m-%d') AS date, control, sum(CAST(value AS DOUBLE) * population) / sum(population) AS value
FROM int_meridian_geo_controls
GROUP BY date, control
ORDER BY date, control;
