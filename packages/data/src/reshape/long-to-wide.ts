import { basename } from 'node:path';
import { DataError, type Issue } from '../issue.ts';
import { openDatamart, queryModel, runModel, tableColumns, type Datamart } from '../datamart/datamart.ts';
import { sqlIssues, type SqlCellIssue } from '../datamart/sql-issues.ts';
import { controlGaps, stageLongExtras } from './long-extras.ts';
import { raggedSourceIssues } from '../datamart/ragged-source.ts';

import { WEEK_DAYS, type WeekDay } from './week-days.ts';

export { WEEK_DAYS, type WeekDay } from './week-days.ts';

/** Options of longToWide. */
export interface LongToWideOptions {
  /** Long spend file: date, channel, spend [, impressions, clicks, geo, product, campaign]. */
  spend: string;
  /** KPI file: date, one column per KPI [, geo, product]. */
  kpi: string;
  /** Period of the output table (default 'weekly'). */
  granularity?: 'daily' | 'weekly';
  /** First day of a week (default 'monday'); weekly periods are labelled with it. */
  weekStart?: WeekDay;
  /** A `.duckdb` file to keep the staging, intermediate and mart tables in (default in memory). */
  database?: string;
  /** Optional controls file: date and one column per control (national), averaged per period. */
  controls?: string;
  /** Optional events file: date, event — one line per day an event happens; becomes 0/1 `event_<name>` columns. */
  events?: string;
  /** Split the output by these columns (one row per period × geo × product); default [] = national. */
  by?: readonly ('geo' | 'product')[];
  /** Accept KPI weeks inside the data that lack days (a warning instead of a PARTIAL_KPI_PERIOD error). */
  allowPartialPeriods?: boolean;
}

/** A gap in the long inputs: a spend gap was filled with zero (reported), a KPI gap is an error. */
export interface LongGap {
  source: 'spend' | 'kpi';
  date: string;
  /** The geo and product of the gap ('' when the output is not split by them). */
  geo: string;
  product: string;
  /** The channel (spend) or KPI column. */
  name: string;
}

/** The wide modeling table built from long inputs. */
export interface LongToWideResult {
  /** `date`, then `geo` / `product` when split by them, the KPIs in file order, then `<channel>_spend` (+ `_impressions`, `_clicks` when given) per channel. */
  columns: string[];
  /** One row per period (× geo × product), sorted by geo, product, date; date, geo, product as text, every other cell a number. */
  rows: (string | number)[][];
  /** Channels in order of first appearance in the spend file. */
  channels: string[];
  /** The controls file's control columns, in file order ([] without one). */
  controls: string[];
  /** (period, channel) cells the spend file had no line for, filled with 0. */
  filled: LongGap[];
  /** Warnings: PARTIAL_PERIOD (a week with fewer than 7 days of daily data: the KPI's first/last week, any spend week), SPEND_GAP_FILLED (one per filled gap). Errors are thrown instead. */
  issues: Issue[];
}

/**
 * Builds a wide modeling table from a long spend file and a KPI file through the DuckDB datamart:
 * staging (typed, trimmed; every bad cell reported with file, row and column), intermediate (daily →
 * weekly with the chosen week start, zero-filled spend gaps), mart (pivot over the distinct channels,
 * so a new channel needs no code change). Rows of the same period and channel are summed (campaigns,
 * geos, products); KPIs are summed over geo and product.
 * @param options input files and period settings
 * @returns the table, the filled gaps and their warnings
 * @throws DataError listing every bad cell, missing column, duplicate KPI date or KPI gap; first, a
 *   ragged line of any input file (RAGGED_ROW, CSV_SYNTAX at its line)
 * @example (await longToWide({ spend: 'spend.csv', kpi: 'kpi.csv' })).columns // ['date', 'revenue', 'search_spend', 'tv_spend']
 */
export async function longToWide(options: LongToWideOptions): Promise<LongToWideResult> {
  const dm = await openDatamart(options.database);
  try {
    return await build(dm, options);
  } finally {
    dm.close();
  }
}

async function build(dm: Datamart, options: LongToWideOptions): Promise<LongToWideResult> {
  const spendFile = basename(options.spend);
  const kpiFile = basename(options.kpi);
  // A ragged line would make DuckDB's sniffer read one column: report the line itself instead.
  const ragged = raggedSourceIssues([options.spend, options.kpi, options.controls, options.events]);
  if (ragged.length > 0) throw new DataError(ragged);
  await runModel(dm, 'stg_raw_spend', { path: options.spend });
  await runModel(dm, 'stg_raw_kpi', { path: options.kpi });
  const spendColumns = await tableColumns(dm, 'raw_spend_header');
  const kpis = (await tableColumns(dm, 'raw_kpi_header')).filter((c) => !['date', 'geo', 'product'].includes(c));
  const by = options.by ?? [];
  const issues = [
    ...missing('spend', spendFile, spendColumns, ['date', 'channel', 'spend', ...by]),
    ...missing('kpi', kpiFile, await tableColumns(dm, 'raw_kpi_header'), ['date', ...by]),
  ];
  if (kpis.length === 0) issues.push(located('MISSING_COLUMN', kpiFile, 'the KPI file has no KPI column', 'add a column such as revenue next to date'));
  if (issues.length > 0) throw new DataError(issues);
  const optional = (c: string): string => (spendColumns.includes(c) ? c : 'NULL');
  await runModel(dm, 'stg_spend', {
    path: options.spend, impressions: optional('impressions'), clicks: optional('clicks'),
    geo: by.includes('geo') ? 'geo' : 'NULL', product: by.includes('product') ? 'product' : 'NULL',
  });
  await runModel(dm, 'stg_kpi', { by_geo: by.includes('geo') ? 1 : 0, by_product: by.includes('product') ? 1 : 0 });
  await runModel(dm, 'stg_kpi_issues');
  const [bad] = await queryModel(dm, 'stg_spend_bad_count');
  if (Number(bad?.n) > 0) {
    await runModel(dm, 'stg_spend_issues', { path: options.spend });
    issues.push(...sqlIssues(spendFile, (await queryModel(dm, 'stg_spend_issues_select')) as unknown as SqlCellIssue[]));
  }
  issues.push(...sqlIssues(kpiFile, (await queryModel(dm, 'stg_kpi_issues_select')) as unknown as SqlCellIssue[]));
  for (const c of await queryModel(dm, 'stg_spend_channel_case')) {
    issues.push({ ...located('DUPLICATE_CHANNEL', spendFile, `channel names that differ only by case: ${String(c.spellings)}; they would be one column`,
      'write each channel with one spelling in the spend file (e.g. all lower case)', 'channel'), at: { file: spendFile, row: Number(c.line), column: 'channel' } });
  }
  if (issues.length > 0) throw new DataError(issues);
  const step = options.granularity === 'daily' ? 1 : 7;
  await runModel(dm, 'int_calendar', { step_days: step, week_start: WEEK_DAYS.indexOf(options.weekStart ?? 'monday') });
  for (const m of ['int_spend_period', 'int_kpi_period']) await runModel(dm, m);
  const extras = await stageLongExtras(dm, options);
  if (extras.issues.length > 0) throw new DataError(extras.issues);
  const gaps = (await queryModel(dm, 'int_gaps')) as unknown as LongGap[];
  const kpiGaps = gaps.filter((g) => g.source === 'kpi');
  const partial = partialIssues((await queryModel(dm, 'int_partial_periods', { step_days: step })) as unknown as PartialRow[],
    { kpi: kpiFile, spend: spendFile }, options.allowPartialPeriods === true);
  const partialErrors = partial.filter((i) => i.severity === 'error');
  if (kpiGaps.length > 0 || partialErrors.length > 0) {
    throw new DataError([...kpiGaps.map((g) => located('KPI_GAP', kpiFile, `no value of "${g.name}"${where(g)} in the period starting ${g.date}`,
      'add the missing dates to the KPI file (a KPI gap cannot be filled with zero)', g.name)), ...partialErrors]);
  }
  const filled = gaps.filter((g) => g.source === 'spend');
  await runModel(dm, 'mart_long_wide');
  const channels = (await queryModel(dm, 'int_order')).map((r) => String(r.name));
  const [present] = await queryModel(dm, 'stg_exposures_present');
  const exposures = ['impressions', 'clicks'].filter((c) => spendColumns.includes(c) && present?.[c] === true);
  const columns = ['date', ...by, ...kpis, ...channels.flatMap((ch) => [`${ch}_spend`, ...exposures.map((e) => `${ch}_${e}`)])];
  const records = await queryModel(dm, 'mart_select');
  const rows = records.map((r) => columns.map((c) => (c === 'date' || c === 'geo' || c === 'product' ? String(r[c]) : Number(r[c]))));
  const missingControls = controlGaps(extras, [...new Set(rows.map((r) => String(r[0])))], basename(options.controls ?? ''));
  if (missingControls.length > 0) throw new DataError(missingControls);
  rows.forEach((row) => row.push(
    ...extras.controls.map((c) => extras.controlValues.get(`${c}|${String(row[0])}`) ?? 0),
    ...extras.events.map((e) => (extras.eventPeriods.has(`${e}|${String(row[0])}`) ? 1 : 0)),
  ));
  columns.push(...extras.controls, ...extras.events.map((e) => `event_${e}`));
  const warnings = [...partial, ...filled.map((g) => located('SPEND_GAP_FILLED', spendFile, `no spend line for channel "${g.name}"${where(g)} in the period starting ${g.date}: filled with 0`,
    'check the export covers every day; a channel that did not run needs no line', g.name))];
  return { columns, rows, channels, controls: extras.controls, filled, issues: warnings.map((w) => ({ ...w, severity: 'warning' })) };
}

interface PartialRow { source: 'kpi' | 'spend'; geo: string; product: string; date: string; days: number; edge: boolean; missing: string }

/**
 * Issues for weeks a daily file covers only in part. A KPI week inside the data that lacks days is
 * wrong data (its sum is low), so it is an error unless allowed; the KPI's first and last weeks
 * (cut by the export) and any spend week are warnings, since spend may truly be zero on a day.
 */
function partialIssues(rows: readonly PartialRow[], files: { kpi: string; spend: string }, allow: boolean): Issue[] {
  return rows.map((r) => {
    const what = r.source === 'kpi' ? 'KPI' : 'spend';
    const message = `the week starting ${r.date}${where(r)} has ${Number(r.days)} of 7 days of ${what} data (missing ${r.missing}): its ${what} total is partial`;
    if (r.source === 'spend') {
      return { ...located('PARTIAL_PERIOD', files.spend, message,
        'add the missing dates to the spend file (a day without spend needs a line with 0 for any one channel), or leave this week out of the modeling window', 'date'), severity: 'warning' };
    }
    if (r.edge) {
      return { ...located('PARTIAL_PERIOD', files.kpi, message, 'start and end the data on whole weeks, or leave this week out of the modeling window', 'date'), severity: 'warning' };
    }
    const hint = 'add the missing dates to the KPI file; if the file simply has no row on days without a KPI (a daily count built by GROUP BY has none on a day without deals), '
      + 'set "kpi_missing_days: zero" under sources: in mixwise.yaml to read those days as 0 (counted in a KPI_DAYS_FILLED warning); '
      + 'if the days are truly lost and a low total for the week is acceptable, set "allow_partial_weeks: true" instead';
    return { ...located(allow ? 'PARTIAL_PERIOD' : 'PARTIAL_KPI_PERIOD', files.kpi, message, hint, 'date'), severity: allow ? 'warning' : 'error' };
  });
}

function where(g: Pick<LongGap, 'geo' | 'product'>): string {
  const parts = [g.geo === '' ? '' : `geo "${g.geo}"`, g.product === '' ? '' : `product "${g.product}"`].filter((x) => x !== '');
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** Headers that probably hold a required column under another name (an ad platform's or CRM's export). */
const LIKELY_HEADERS: Readonly<Record<string, RegExp>> = {
  date: /date|day|week|period|time/i, channel: /channel|platform|medium|network|source/i, spend: /cost|spend|spent/i,
  geo: /region|country|geo|market|dma|state/i, product: /product|category|brand|line/i,
};

/** MISSING_COLUMN per required column the header lacks; the hint shows the config's column mapping with the file's own headers. */
function missing(source: 'spend' | 'kpi', file: string, present: readonly string[], required: readonly string[]): Issue[] {
  const columns = present.filter((p) => p !== '_row');
  const absent = required.filter((c) => !present.includes(c));
  // The file's header each missing name most likely is (Day for date, Cost for spend), else a placeholder.
  const taken = new Set<string>();
  const mapping = absent.map((c) => {
    const guess = columns.find((h) => !taken.has(h) && !required.includes(h) && h.toLowerCase() === c)
      ?? columns.find((h) => !taken.has(h) && !required.includes(h) && LIKELY_HEADERS[c]?.test(h) === true);
    if (guess !== undefined) taken.add(guess);
    return `${c}: ${guess === undefined ? `<the file's ${c} header>` : quoteYaml(guess)}`;
  }).join(', ');
  return absent.map((c) =>
    located('MISSING_COLUMN', file, `required column "${c}" is missing (columns: ${columns.join(', ')})`,
      `name the columns ${required.join(', ')} in the header, or map the file's own headers in mixwise.yaml without renaming them: `
      + `sources: { ${source}: { path: ${file}, columns: { ${mapping} } } } (docs/config.md, sources)`, c));
}

/** A header as a YAML flow scalar: quoted when it holds characters YAML reads otherwise (Impr., a space). */
function quoteYaml(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : JSON.stringify(name);
}

function located(code: string, file: string, message: string, hint: string, column?: string): Issue {
  return { code, severity: 'error', message, hint, at: column === undefined ? { file } : { file, column } };
}
