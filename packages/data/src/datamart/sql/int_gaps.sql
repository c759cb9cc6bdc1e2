-- intermediate: the gaps of the long inputs. Spend gaps were filled with zero; KPI gaps cannot be.
SELECT 'spend' AS source, strftime(period, '%Y-%m-%d') AS date, geo, product, channel AS name
FROM int_spend_period WHERE filled
UNION ALL
SELECT 'kpi', strftime(c.period, '%Y-%m-%d'), k.geo, k.product, q.kpi
FROM int_calendar c CROSS JOIN int_keys k CROSS JOIN (SELECT DISTINCT kpi FROM int_kpi_period) q
WHERE NOT EXISTS (
  SELECT 1 FROM int_kpi_period p WHERE p.period = c.period AND p.geo = k.geo AND p.product = k.product AND p.kpi = q.kpi)
ORDER BY 1, 3, 4, 2, 5;
