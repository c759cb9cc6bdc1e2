-- staging (B2B multi-source): the six source files typed and trimmed. Money is DECIMAL(18,2), so
-- every sum below is exact to the cent. Cells are read as text and cast with TRY_CAST; a cell that
-- fails is NULL here and stg_b2b_issues names it (file line = rowid + 2, the header being line 1).
CREATE OR REPLACE TABLE stg_b2b_ads AS
SELECT TRY_CAST(trim(date) AS DATE) AS date, trim(platform) AS platform, trim(campaign) AS campaign,
       TRY_CAST(trim(spend) AS DECIMAL(18, 2)) AS spend,
       TRY_CAST(nullif(trim(impressions), '') AS BIGINT) AS impressions, TRY_CAST(nullif(trim(clicks), '') AS BIGINT) AS clicks,
       coalesce(trim(date), '') AS date_text, coalesce(trim(spend), '') AS spend_text
FROM read_csv({{ads}}, all_varchar = true, header = true);
CREATE OR REPLACE TABLE stg_b2b_opportunities AS
SELECT trim(opportunity_id) AS opportunity_id, TRY_CAST(trim(created_date) AS DATE) AS created_date,
       TRY_CAST(trim(amount) AS DECIMAL(18, 2)) AS amount, trim(stage) AS stage,
       TRY_CAST(nullif(trim(close_date), '') AS DATE) AS close_date,
       coalesce(trim(created_date), '') AS date_text, coalesce(trim(amount), '') AS amount_text, nullif(trim(source_campaign), '') AS source_campaign,
       trim(country) AS country, trim(product_line) AS product_line
FROM read_csv({{crm}}, all_varchar = true, header = true);
CREATE OR REPLACE TABLE stg_b2b_bookings AS
SELECT trim(invoice_id) AS invoice_id, TRY_CAST(trim(invoice_date) AS DATE) AS invoice_date,
       TRY_CAST(trim(amount) AS DECIMAL(18, 2)) AS amount,
       coalesce(trim(invoice_date), '') AS date_text, coalesce(trim(amount), '') AS amount_text, trim(country) AS country, trim(product) AS product,
       upper(trim(distributor)) IN ('Y', 'YES', 'TRUE', '1') AS distributor
FROM read_csv({{erp}}, all_varchar = true, header = true);
CREATE OR REPLACE TABLE stg_b2b_ref_campaigns AS
SELECT trim(platform) AS platform, trim(campaign) AS campaign, trim(channel) AS channel
FROM read_csv({{ref_campaigns}}, all_varchar = true, header = true);
CREATE OR REPLACE TABLE stg_b2b_ref_countries AS
SELECT trim(country) AS country, trim(region) AS region FROM read_csv({{ref_countries}}, all_varchar = true, header = true);
CREATE OR REPLACE TABLE stg_b2b_ref_products AS
SELECT trim(product) AS product, trim(category) AS category FROM read_csv({{ref_products}}, all_varchar = true, header = true);
