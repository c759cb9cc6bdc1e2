-- The first and last dates of the spend file (all channels) and of the KPI file, with the periods
-- they fall in: a spend file that starts well after (or ends well before) the KPI would leave whole
-- periods of zero spend for every channel.
SELECT strftime(min(date), '%Y-%m-%d') AS spend_first, strftime(max(date), '%Y-%m-%d') AS spend_last,
       strftime(period_start(min(date)), '%Y-%m-%d') AS spend_first_period, strftime(period_start(max(date)), '%Y-%m-%d') AS spend_last_period,
       (SELECT strftime(min(date), '%Y-%m-%d') FROM stg_kpi) AS kpi_first, (SELECT strftime(max(date), '%Y-%m-%d') FROM stg_kpi) AS kpi_last,
       (SELECT strftime(period_start(min(date)), '%Y-%m-%d') FROM stg_kpi) AS kpi_first_period,
       (SELECT strftime(period_start(max(date)), '%Y-%m-%d') FROM stg_kpi) AS kpi_last_period
FROM stg_spend;
