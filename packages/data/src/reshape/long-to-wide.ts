import { basename } from 'node:path';
import { DataError, type Issue } from '../issue.ts';
import { openDatamart, queryModel, runModel, type Datamart } from '../datamart/datamart.ts';
import { sqlIssues, type SqlCellIssue } from '../datamart/sql-issues.ts';
import { controlGaps, stageLongExtras } from './long-extras.ts';
import { raggedSourceIssues } from '../datamart/ragged-source.ts';
import { longSourceIssues } from '../datamart/long-source-issues.ts';
import { readSourceOutcome, type SourceScanColumns } from '../datamart/source-scan.ts';
import { spendCoverageIssues, type SourceRanges } from '../datamart/spend-coverage.ts';
import { spendGapSummary } from '../datamart/spend-gap-summary.ts';
import { kpiGapIssues } from '../datamart/kpi-gap-issues.ts';
import { startStaging, type EarlyStaging } from './early-staging.ts';

import { WEEK_DAYS, type WeekDay } from './week-days.ts';
import { pushAll } from '../push-all.ts';

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
  /** Leave out spend rows that repeat an earlier row in every column (a DUPLICATE_ROWS_DROPPED warning) instead of an EXACT_DUPLICATE_ROWS error. */
  dropDuplicateRows?: boolean;
  /** The config's modeling window (yyyy-mm-dd): a spend file must cover the KPI inside it (SPEND_STARTS_LATE, SPEND_ENDS_EARLY). */
  window?: { start?: string; end?: string };
  /** Source files larger than this many bytes are checked by a streaming scan in bounded memory (default LARGE_SOURCE_BYTES, 64 MiB; see sourceScan). */
  largeFileBytes?: number;
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
  /** Warnings: PARTIAL_PERIOD (a week with fewer than 7 days of daily data: the KPI's first/last week, any spend week), SPEND_GAP_FILLED (one per channel with filled gaps, listing them), DUPLICATE_ROWS_DROPPED, WEEK_ENDING_LABELS, SPEND_CREDITS_NETTED. Errors are thrown instead. */
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
 * @throws DataError listing every bad cell (read as a wide file's, capped per code), missing column,
 *   repeated row, mixed currency, geo/product scope mismatch, week-label mismatch, negative period
 *   spend, spend that starts late or ends early, duplicate KPI date or KPI gap; first, a ragged line or
 *   mixed line endings of any input file (RAGGED_ROW, CSV_SYNTAX, MIXED_LINE_ENDINGS at its line)
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
  // DuckDB stages the spend file on its threads while the JS checks below read it (see EarlyStaging).
  const early = await startStaging(dm, { spend: options.spend, kpi: options.kpi, by: options.by ?? [] });
  try {
    return await checkAndBuild(dm, options, early);
  } finally {
    await early.settle();
  }
}

async function checkAndBuild(dm: Datamart, options: LongToWideOptions, early: EarlyStaging): Promise<LongToWideResult> {
  const spendFile = basename(options.spend);
  const kpiFile = basename(options.kpi);
  // A ragged line would make DuckDB's sniffer read one column: report the line itself instead.
  // The spend and KPI files are parsed once here, for the shape and the cell checks (longSourceIssues).
  // A file above options.largeFileBytes is scanned in chunks instead (the same checks, bounded memory).
  const read = (path: string, columns?: (header: readonly string[]) => SourceScanColumns) =>
    readSourceOutcome(path, { name: basename(path), largeFileBytes: options.largeFileBytes, columns });
  const spendRead = read(options.spend, SPEND_COLUMNS);
  const kpiRead = read(options.kpi, KPI_COLUMNS);
  const extraReads = [options.controls, options.events].map((p) => (p === undefined ? undefined : read(p)));
  const ragged = raggedSourceIssues([spendRead, kpiRead, ...extraReads]);
  if (ragged.length > 0) throw new DataError(ragged);
  if (early.error !== undefined) throw early.error;
  const spendColumns = early.spendColumns;
  const kpis = early.kpiColumns.filter((c) => !['date', 'geo', 'product'].includes(c));
  const by = options.by ?? [];
  const issues = [
    ...missing('spend', spendFile, spendColumns, ['date', 'channel', 'spend', ...by]),
    ...missing('kpi', kpiFile, early.kpiColumns, ['date', ...by]),
  ];
  if (kpis.length === 0) issues.push(located('MISSING_COLUMN', kpiFile, 'the KPI file has no KPI column', 'add a column such as revenue next to date'));
  if (issues.length > 0) throw new DataError(issues);
  const step = options.granularity === 'daily' ? 1 : 7;
  // Every required spend column is present here, so stg_spend was started: the connection is free once it settles.
  const staged = await early.spend;
  // A scanned (large) spend file lacks the plain rows a copy is made of: DuckDB finds the repeated lines.
  const spendDuplicatePairs = spendRead.csv?.omittedRows === undefined ? undefined : await duplicateLines(dm, options.spend, spendRead.csv.duplicateCandidateLines ?? []);
  const checked = longSourceIssues({ spend: spendRead.csv, kpi: kpiRead.csv }, { stepDays: step, weekStart: options.weekStart ?? 'monday', weekStartSet: options.weekStart !== undefined,
    dropDuplicateRows: options.dropDuplicateRows === true, ...(spendDuplicatePairs === undefined ? {} : { spendDuplicatePairs }) });
  if (checked.issues.some((i) => i.severity === 'error')) throw new DataError(checked.issues);
  if (staged !== undefined) throw staged.error;
  if (checked.dropRows.length > 0) await runModel(dm, 'stg_spend_drop', { drop_rows: checked.dropRows.join(',') });
  await runModel(dm, 'stg_kpi', { by_geo: by.includes('geo') ? 1 : 0, by_product: by.includes('product') ? 1 : 0 });
  await runModel(dm, 'stg_kpi_issues');
  const [bad] = await queryModel(dm, 'stg_spend_bad_count');
  if (Number(bad?.n) > 0) {
    await runModel(dm, 'stg_spend_issues', { path: options.spend });
    pushAll(issues, sqlIssues(spendFile, (await queryModel(dm, 'stg_spend_issues_select')) as unknown as SqlCellIssue[]));
  }
  pushAll(issues, sqlIssues(kpiFile, (await queryModel(dm, 'stg_kpi_issues_select')) as unknown as SqlCellIssue[]));
  for (const c of await queryModel(dm, 'stg_spend_channel_case')) {
    issues.push({ ...located('DUPLICATE_CHANNEL', spendFile, `channel names that differ only by case: ${String(c.spellings)}; they would be one column`,
      'write each channel with one spelling in the spend file (e.g. all lower case)', 'channel'), at: { file: spendFile, row: Number(c.line), column: 'channel' } });
  }
  if (issues.length > 0) throw new DataError(issues);
  await runModel(dm, 'int_calendar', { step_days: step, week_start: WEEK_DAYS.indexOf(options.weekStart ?? 'monday') });
  const [ranges] = (await queryModel(dm, 'int_source_ranges')) as unknown as SourceRanges[];
  const coverage = spendCoverageIssues(ranges, { spend: spendFile, kpi: kpiFile }, step, options.window);
  if (coverage.length > 0) throw new DataError(coverage);
  for (const m of ['int_spend_period', 'int_kpi_period']) await runModel(dm, m);
  const negative = (await queryModel(dm, 'int_negative_periods')).map((r) => ({ ...located('NEGATIVE_SPEND', spendFile,
    `channel "${String(r.channel)}"${where(r as unknown as LongGap)} sums to ${Number(r.spend)} in the period starting ${String(r.date)} (negative lines such as line ${Number(r.line)}): spend cannot be below zero`,
    'correct the negative lines of that period (a credit larger than the period\'s spend?), or book the refund against the period it belongs to', 'spend'), at: { file: spendFile, row: Number(r.line), column: 'spend' } }));
  if (negative.length > 0) throw new DataError(negative);
  const extras = await stageLongExtras(dm, options);
  if (extras.issues.length > 0) throw new DataError(extras.issues);
  const gaps = (await queryModel(dm, 'int_gaps')) as unknown as LongGap[];
  const kpiGaps = gaps.filter((g) => g.source === 'kpi');
  const partial = partialIssues((await queryModel(dm, 'int_partial_periods', { step_days: step })) as unknown as PartialRow[],
    { kpi: kpiFile, spend: spendFile }, options.allowPartialPeriods === true);
  const partialErrors = partial.filter((i) => i.severity === 'error');
  if (kpiGaps.length > 0 || partialErrors.length > 0) {
    throw new DataError([...kpiGapIssues(kpiGaps, ranges, { kpi: kpiFile, spend: spendFile }), ...partialErrors]);
  }
  const filled = gaps.filter((g) => g.source === 'spend');
  const [credits] = await queryModel(dm, 'stg_spend_credits');
  await runModel(dm, 'mart_long_wide');
  const channels = (await queryModel(dm, 'int_order')).map((r) => String(r.name));
  const present = new Map((await queryModel(dm, 'stg_exposures_present')).map((r) => [String(r.channel), r]));
  const exposures = ['impressions', 'clicks'].filter((c) => spendColumns.includes(c) && [...present.values()].some((r) => r[c] === true));
  const unreported = channels.flatMap((ch) => exposures.filter((e) => present.get(ch)?.[e] !== true).map((e) => [ch, e]));
  const columns = ['date', ...by, ...kpis, ...channels.flatMap((ch) => [`${ch}_spend`, ...exposures.filter((e) => present.get(ch)?.[e] === true).map((e) => `${ch}_${e}`)])];
  const records = await queryModel(dm, 'mart_select');
  const rows = records.map((r) => columns.map((c) => (c === 'date' || c === 'geo' || c === 'product' ? String(r[c]) : Number(r[c]))));
  const missingControls = controlGaps(extras, [...new Set(rows.map((r) => String(r[0])))], basename(options.controls ?? ''));
  if (missingControls.length > 0) throw new DataError(missingControls);
  rows.forEach((row) => row.push(
    ...extras.controls.map((c) => extras.controlValues.get(`${c}|${String(row[0])}`) ?? 0),
    ...extras.events.map((e) => (extras.eventPeriods.has(`${e}|${String(row[0])}`) ? 1 : 0)),
  ));
  columns.push(...extras.controls, ...extras.events.map((e) => `event_${e}`));
  const nPeriods = new Set(rows.map((r) => String(r[0]))).size;
  const nCredits = Number(credits?.n ?? 0);
  const warnings = [...checked.issues, ...partial, ...spendGapSummary(filled, spendFile, step, nPeriods, String(rows[0]?.[0] ?? '')),
    ...unreported.map(([ch, e]) => located('EXPOSURE_NOT_REPORTED', spendFile, `channel "${ch}" has no ${e} value on any line: the table has no ${ch}_${e} column (an all-zero column would read as no ${e})`,
      `nothing to do if ${ch} does not report ${e}; if it does, fill in its ${e} in the export`, e)),
    ...(nCredits === 0 ? [] : [{ ...located('SPEND_CREDITS_NETTED', spendFile, `${nCredits} line${nCredits === 1 ? '' : 's'} with negative spend (credits or refunds, first at line ${Number(credits?.line)}) ${nCredits === 1 ? 'was' : 'were'} summed into ${nCredits === 1 ? 'its period' : 'their periods'}, whose totals stay at or above zero`,
      'nothing to do if they are adjustments of the same period; move a refund to the period it belongs to otherwise', 'spend'), at: { file: spendFile, row: Number(credits?.line), column: 'spend' } }])];
  return { columns, rows, channels, controls: extras.controls, filled, issues: warnings.map((w) => ({ ...w, severity: 'warning' })) };
}

/**
 * The exact duplicate rows of a scanned (large) file as [first line, repeating line] pairs: the scan's
 * candidate lines (a shared hash; none in a clean file) compared cell by cell by DuckDB.
 */
async function duplicateLines(dm: Datamart, path: string, candidates: readonly number[]): Promise<[number, number][]> {
  if (candidates.length === 0) return [];
  const rows = await queryModel(dm, 'source_duplicates_select', { path, lines: candidates.join(',') });
  return rows.map((r) => [Number(r.first_line), Number(r.line)]);
}

/** The columns longSourceIssues reads in a long spend file (for a large file's scan). */
const SPEND_COLUMNS = (): SourceScanColumns => ({ date: 'date', numbers: ['spend', 'impressions', 'clicks'], keys: ['channel'], groupBy: 'channel', distinct: ['geo', 'product'] });
/** The columns longSourceIssues reads in a KPI file: every column but date, geo and product is a KPI. */
const KPI_COLUMNS = (header: readonly string[]): SourceScanColumns => ({
  date: 'date', numbers: header.filter((c) => !['date', 'geo', 'product'].includes(c)), keys: [], distinct: ['geo', 'product'],
});

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
