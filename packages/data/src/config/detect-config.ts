import type { Frequency } from '@mixwise/engine';
import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { DataError } from '../issue.ts';
import { IssueCollector } from '../issue-collector.ts';
import { looksLikeDate, parseDate } from '../read/date.ts';
import { detectColumns } from '../detect/detect-columns.ts';
import { availableColumns } from '../detect/available-columns.ts';
import { isDummyColumn, unusedNumericColumns } from '../build/unused-numeric-columns.ts';

/** Column names (matched anywhere, case-insensitive) that suggest a KPI, in order of preference. */
export const KPI_WORDS: readonly string[] = [
  'revenue', 'sales', 'kpi', 'conversions', 'orders', 'leads', 'pipeline', 'bookings', 'signups', 'installs', 'target',
];

/** Suffixes of exposure columns of a channel `<name>_<suffix>`, in order of preference. */
export const EXPOSURE_SUFFIXES: readonly string[] = ['impressions', 'imps', 'grps', 'grp', 'exposure', 'views', 'reach', 'clicks'];

/** One detected channel with its exposure column and the other exposure-like columns. */
export interface DetectedChannel {
  name: string;
  spend: string;
  exposure?: string;
  exposureAlternatives: string[];
}

/** What `mixwise init` found in a data file. */
export interface ConfigDetection {
  date: string;
  /** Other columns whose values all look like dates. */
  dateAlternatives: string[];
  frequency: Frequency;
  target: string;
  /** Other KPI-like columns (left out of the controls). */
  targetAlternatives: string[];
  channels: DetectedChannel[];
  /** Numeric columns with no other role (candidate controls). */
  controls: string[];
  /** Columns holding only 0 and 1 in every row (candidate events). */
  events: string[];
  /** First and last date, yyyy-mm-dd. */
  firstDate: string;
  lastDate: string;
  nRows: number;
  warnings: Issue[];
}

/**
 * Detects the roles of a data file's columns for a new config: the date column and frequency
 * (detectColumns), the channels (`*_spend` columns) with an exposure column each when one is named
 * `<channel>_<suffix>` (EXPOSURE_SUFFIXES), the KPI (the given target, else the first numeric column
 * whose name contains a KPI_WORDS word, in that word order), events (unused columns holding only 0
 * and 1 in every row) and candidate controls (the remaining numeric columns, KPI-like and
 * exposure-like ones aside).
 * @param csv the data file as read by readCsvFile
 * @param target the KPI column when the user names it
 * @returns the detection
 * @throws DataError for a file whose dates or channels cannot be detected (detectColumns' issues),
 *   or MISSING_COLUMN when no KPI is given or found (the hint lists the numeric candidates)
 * @example detectConfig(readCsvFile('data.csv')).target // 'revenue'
 */
export function detectConfig(csv: CsvTable, target?: string): ConfigDetection {
  const found = detectColumns(csv);
  const spendColumns = found.channels.map((c) => c.column);
  const channels: DetectedChannel[] = found.channels.map((c) => {
    const candidates = EXPOSURE_SUFFIXES.flatMap((s) => csv.header.filter((h) => h.toLowerCase() === `${c.name.toLowerCase()}_${s}`));
    return { name: c.name, spend: c.column, ...(candidates.length > 0 ? { exposure: candidates[0] } : {}), exposureAlternatives: candidates.slice(1) };
  });
  const exposures = channels.flatMap((c) => (c.exposure === undefined ? [] : [c.exposure, ...c.exposureAlternatives]));
  const numeric = unusedNumericColumns(csv, new Set([found.date, ...spendColumns, ...exposures]));
  const dummies = numeric.filter((n) => isDummyColumn(csv, n, { complete: true }));
  const kpiLike = KPI_WORDS.flatMap((w) => numeric.filter((n) => !dummies.includes(n) && n.toLowerCase().includes(w)));
  const kpis = [...new Set(kpiLike)];
  const chosen = target ?? kpis[0];
  if (chosen === undefined || !csv.header.includes(chosen)) {
    const issues = new IssueCollector(csv.file);
    const candidates = numeric.filter((n) => !dummies.includes(n));
    issues.error('MISSING_COLUMN', chosen === undefined ? 'no column looks like the KPI' : `the target column "${chosen}" is not in the file`,
      chosen === undefined ? `name the KPI with --target COL (numeric columns: ${candidates.join(', ') || 'none'})` : availableColumns(csv.header),
      chosen === undefined ? {} : { column: chosen });
    throw new DataError(issues.list());
  }
  const controls = numeric.filter((n) => n !== chosen && !dummies.includes(n) && !kpis.includes(n));
  const dateIndex = csv.header.indexOf(found.date);
  return {
    date: found.date,
    dateAlternatives: csv.header.filter((h, j) => j !== dateIndex && csv.rows.every((r) => r[j] === '' || looksLikeDate(r[j]))
      && csv.rows.some((r) => r[j] !== '')),
    frequency: found.frequency,
    target: chosen,
    targetAlternatives: kpis.filter((k) => k !== chosen),
    channels,
    controls,
    events: dummies.filter((d) => d !== chosen),
    firstDate: isoOf(csv.rows[0][dateIndex]),
    lastDate: isoOf(csv.rows[csv.rows.length - 1][dateIndex]),
    nRows: csv.rows.length,
    warnings: found.warnings,
  };
}

function isoOf(cell: string): string {
  const parsed = parseDate(cell);
  return parsed.ok ? parsed.iso : cell;
}
