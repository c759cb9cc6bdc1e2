-- intermediate: weekly periods that a daily KPI or spend file covers only in part, with the missing
-- dates. Every period counts, not just the ends: a week missing days in the middle sums low and
-- would silently shrink that week's KPI or spend. A file is daily when some week has more than one
-- date; the spend file counts a date when any channel has a line on it (a channel that did not run
-- needs no line). edge = the first or last week of that file (often cut by the export window).
-- Empty for daily output.
WITH dates AS (
  SELECT 'kpi' AS source, key_geo AS geo, key_product AS product, date FROM stg_kpi WHERE date IS NOT NULL
  UNION
  SELECT 'spend', geo, product, date FROM stg_spend WHERE date IS NOT NULL
), days AS (
  SELECT source, geo, product, period_start(date) AS period, count(DISTINCT date) AS n FROM dates GROUP BY ALL
), sources AS (
  SELECT source, geo, product, min(period) AS first, max(period) AS last, max(n) AS most FROM days GROUP BY ALL
)
SELECT d.source, d.geo, d.product, strftime(d.period, '%Y-%m-%d') AS date, CAST(d.n AS INTEGER) AS days,
       d.period = s.first OR d.period = s.last AS edge,
       (SELECT string_agg(strftime(CAST(r.range AS DATE), '%Y-%m-%d'), ', ' ORDER BY r.range)
        FROM range(d.period, d.period + INTERVAL 7 DAY, INTERVAL 1 DAY) AS r
        WHERE NOT EXISTS (SELECT 1 FROM dates x WHERE x.source = d.source AND x.geo = d.geo AND x.product = d.product
                          AND x.date = CAST(r.range AS DATE))) AS missing
FROM days d JOIN sources s USING (source, geo, product)
WHERE {{step_days}} = 7 AND d.n < 7 AND s.most > 1
ORDER BY d.source, d.geo, d.product, d.period;
