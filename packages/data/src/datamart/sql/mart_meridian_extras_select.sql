-- National value of each kept extra column per week: organic impressions ({{summed}}, a regular
-- expression naming them) summed over geos like paid impressions; non-media treatments the
-- population-weighted mean over geos like controls.
SELECT strftime(date, '%Y-%m-%d') AS date, name,
       CASE WHEN regexp_full_match(name, {{summed}}) THEN sum(CAST(value AS DOUBLE))
            ELSE sum(CAST(value AS DOUBLE) * population) / sum(population) END AS value
FROM int_meridian_geo_extras
GROUP BY date, name
ORDER BY date, name;
