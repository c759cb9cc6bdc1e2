-- intermediate check: the periods in which a channel's summed spend is below zero (× geo × product),
-- with the lines of its negative rows. A credit line (-312.40) inside a period whose total is positive
-- nets out and is fine; only a negative total is wrong.
SELECT strftime(p.period, '%Y-%m-%d') AS date, p.geo, p.product, p.channel, p.spend,
       (SELECT min(s._line) FROM stg_spend s WHERE s.spend < 0 AND period_start(s.date) = p.period
          AND s.geo = p.geo AND s.product = p.product AND s.channel = p.channel) AS line
FROM int_spend_period p WHERE p.spend < 0
ORDER BY p.geo, p.product, p.channel, p.period;
