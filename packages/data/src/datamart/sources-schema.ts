import { z } from 'zod';
import { WEEK_DAYS } from '../reshape/week-days.ts';

const file = z.string().min(1);
const header = z.string().min(1);

/**
 * A long source file: its path, or `{ path, columns }` where `columns` maps the names the build reads
 * (date, spend…) to the file's own headers (`{ date: Day, spend: Cost }`), so an export works unchanged.
 * @param columns the mapping's schema (strict, per source)
 */
function sourceFile<T extends z.ZodType>(columns: T, what: string) {
  return z.union([file, z.strictObject({
    path: file.describe('The file, relative to the config file\'s folder.'),
    columns: columns.optional().describe(`The file's own header for each name the build reads (${what}); unnamed ones are read as they are.`),
  })]);
}

/** The spend file's columns that a mapping may name. */
const spendColumns = z.strictObject({
  date: header.optional(), channel: header.optional(), spend: header.optional(), impressions: header.optional(),
  clicks: header.optional(), geo: header.optional(), product: header.optional(), campaign: header.optional(),
});
/** An events file's columns: one line per day (date, event) or per date range (start, end, event). */
const eventColumns = z.strictObject({ date: header.optional(), event: header.optional(), start: header.optional(), end: header.optional() });
/** A KPI or controls file: date, geo, product, or a KPI or control to rename. */
const namedColumns = z.record(z.string().min(1), header);

/** One long source file as the config gives it: a path, or a path with a column mapping. */
export type SourceFile = string | { path: string; columns?: Readonly<Record<string, string | undefined>> };

/**
 * The optional `sources` key of mixwise.yaml: long-format or B2B multi-source inputs that the
 * DuckDB datamart turns into the modeling table (docs/datamart.md). Paths are relative to the
 * config file's folder, like `data.path`.
 */
export const sourcesSchema = z.strictObject({
  spend: sourceFile(spendColumns, 'date, channel, spend, impressions, clicks, geo, product, campaign').optional()
    .describe('Long spend file: date, channel, spend [, impressions, clicks, geo, product, campaign]; or { path, columns } to map its own headers.'),
  kpi: sourceFile(namedColumns, 'date, geo, product, or a KPI to rename').optional()
    .describe('KPI file: date and one column per KPI [, geo, product]; or { path, columns } to map its own headers.'),
  controls: sourceFile(namedColumns, 'date, or a control to rename').optional()
    .describe('Controls file (with spend and kpi): date and one column per control, national; averaged per period, and every period needs a value (CONTROL_GAP).'),
  events: sourceFile(eventColumns, 'date and event, or start, end and event').optional()
    .describe('Events file (with spend and kpi): date, event (one line per day an event happens), or start, end, event (one line per date range, ends included); a 0/1 event_<name> column each, 1 in a period that has a day of the event.'),
  kpi_missing_days: z.enum(['error', 'zero']).optional().describe('zero: a day between the first and last date of a daily KPI file with no row (a count built by GROUP BY has none on a day without deals) is read as 0, counted in a KPI_DAYS_FILLED warning; error (default): its week is a PARTIAL_KPI_PERIOD error.'),
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
