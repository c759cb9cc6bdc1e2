-- bench: a long daily campaign file of {{series}} campaign × country × ad-set series over {{days}}
-- days from 2022-01-03, and a daily KPI file. Values are deterministic (hash of series and day).
COPY (
  SELECT DATE '2022-01-03' + CAST(d.range AS INTEGER) AS date,
         ['search', 'social', 'display', 'video', 'audio', 'affiliate'][CAST(s.range % 6 AS INTEGER) + 1] AS channel,
         'cmp_' || CAST(s.range // 150 AS VARCHAR) || '_adset_' || CAST(s.range % 150 AS VARCHAR) AS campaign,
         'C' || CAST((s.range // 6) % 25 AS VARCHAR) AS geo,
         CAST(hash(s.range * 7919 + d.range) % 100000 AS DOUBLE) / 100 AS spend,
         CAST(hash(s.range * 104729 + d.range) % 50000 AS BIGINT) AS impressions,
         CAST(hash(s.range * 1299709 + d.range) % 500 AS BIGINT) AS clicks
  FROM range({{series}}) s, range({{days}}) d
) TO {{spend_path}} (FORMAT CSV, HEADER);
COPY (
  SELECT DATE '2022-01-03' + CAST(d.range AS INTEGER) AS date, 100000 + CAST(hash(d.range) % 50000 AS DOUBLE) AS revenue
  FROM range({{days}}) d
) TO {{kpi_path}} (FORMAT CSV, HEADER);
