import { z } from 'zod';
import { WEEK_DAYS } from '../reshape/week-days.ts';

const file = z.string().min(1);

/**
 * The optional `sources` key of mixwise.yaml: long-format or B2B multi-source inputs that the
 * DuckDB datamart turns into the modeling table (docs/datamart.md). Paths are relative to the
 * config file's folder, like `data.path`.
 */
export const sourcesSchema = z.strictObject({
  spend: file.optional().describe('Long spend file: date, channel, spend [, impressions, clicks, geo, product, campaign].'),
  kpi: file.optional().describe('KPI file: date and one column per KPI [, geo, product].'),
  allow_partial_weeks: z.boolean().optional().describe('Accept KPI weeks inside the data that lack some days (a warning instead of an error; their totals are low).'),
  drop_duplicate_rows: z.boolean().optional().describe('Leave out spend rows that repeat an earlier row in every column (logged as a DUPLICATE_ROWS_DROPPED warning) instead of refusing them (EXACT_DUPLICATE_ROWS).'),
  week_start: z.enum(WEEK_DAYS).optional().describe('First day of a week when daily rows are rolled up to weeks (default: monday).'),
  b2b: z.strictObject({
    ads: file.describe('Ad-platform export: date, platform, campaign, spend, impressions, clicks.'),
    crm: file.describe('CRM opportunities: opportunity_id, created_date, amount, stage, close_date, source_campaign, country, product_line.'),
    erp: file.describe('ERP bookings: invoice_id, invoice_date, amount, country, product, distributor.'),
    ref_campaigns: file.describe('Campaign taxonomy: platform, campaign, channel.'),
    ref_countries: file.describe('Country → region: country, region.'),
    ref_products: file.describe('Product → category: product, category.'),
  }).optional().describe('B2B multi-source inputs (ads, CRM, ERP and reference tables).'),
  meridian: file.optional().describe("Google Meridian's geo layout (geo, time, <Channel>_spend, <Channel>_impression, *_control, population, conversions [, revenue_per_conversion]), rolled up to national."),
}).describe('Long-format, B2B multi-source or Meridian geo inputs built into the modeling table by the DuckDB datamart.');

/** The `sources` key as zod outputs it. */
export type SourcesConfig = z.output<typeof sourcesSchema>;
