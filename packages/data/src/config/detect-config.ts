import type { Frequency } from '@mixwise/engine';
import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { DataError } from '../issue.ts';
import { IssueCollector } from '../issue-collector.ts';
import { looksLikeDate, parseDate } from '../read/date.ts';
import { parseNumber } from '../read/parse-number.ts';
import { detectColumns, type DetectedColumns } from '../detect/detect-columns.ts';
import { detectDateColumn, namedDateColumn } from '../detect/detect-date-column.ts';
import { resolveChannels } from '../detect/detect-channels.ts';
import { availableColumns } from '../detect/available-columns.ts';
import { isDummyColumn, isNumericColumn, unusedNumericColumns } from '../build/unused-numeric-columns.ts';
import { exposureColumns } from '../detect/exposure-columns.ts';
import { KPI_WORDS, candidateControls, isKpiLike, isOutcomeRate, type LeftOutColumn } from '../detect/candidate-controls.ts';
import { kpiRepeats, longFormat, longFormatIssue } from '../validate/long-format.ts';
import { resolveRoles } from '../build/resolve-roles.ts';
import { panelColumn, type PanelColumn } from '../validate/panel-column.ts';
import { rollUpPanel } from '../clean/steps/sum-panel.ts';
import { isMeridianShaped } from '../detect/meridian-shape.ts';
import { unusedTextColumns, type TextColumn } from '../detect/text-columns.ts';
import { checkComponentNames } from '../build/component-names.ts';
import { organicCandidate } from '../build/unused-columns-hint.ts';
import { organicColumnProblem } from './organic-column-problem.ts';
import { pushAll } from '../push-all.ts';

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
  /** Numeric columns with no other role that can be controls (candidateControls). */
  controls: string[];
  /**
   * Numeric columns that look like organic media (exposure without spend: organicCandidate), never made
   * controls; init writes them as a commented suggestion under columns.organic.
   */
  organic: string[];
  /**
   * For each organic candidate that would fail the organic checks as it is (organicColumnProblem: empty
   * cells, negatives, all zero), what to fix; init keeps it out of the suggested list and says so.
   */
  organicProblems?: Readonly<Record<string, string>>;
  /** Whole-number columns named like a calendar field (year, week number…), left out of the controls. */
  calendar: string[];
  /** Every other numeric column left out of the controls, with the reason (candidateControls). */
  leftOut: LeftOutColumn[];
  /** Columns holding only 0 and 1 in every row, then text columns that read as events (candidate events). */
  events: string[];
  /** Text columns with no role (unusedTextColumns): those that read as events are also in `events`. */
  text: TextColumn[];
  /** First and last date, yyyy-mm-dd. */
  firstDate: string;
  lastDate: string;
  /** Rows of the series: after the panel roll-up when the file is a panel. */
  nRows: number;
  /** The column that splits every date into rows (geo, product…) when the file is a panel; the roles
   * above were detected on its dates' sums (the sum_panel cleaning step). */
  panel?: PanelColumn;
  /** The file has Google Meridian's geo layout (isMeridianShaped): init names `sources: { meridian: … }`. */
  meridianShaped?: boolean;
  /** The dates (yyyy-mm-dd) whose KPI cell is empty or NA, for init to suggest skip_missing_kpi; absent when there is none. */
  missingKpi?: string[];
  /** Which roles the user named (GivenRoles) instead of leaving them to detection. */
  named: { channels: boolean; controls: boolean };
  warnings: Issue[];
}

/** Roles the user names (`mixwise init --target --date --channels --controls`); the others are detected. */
export interface GivenRoles {
  /** The KPI column. */
  target?: string;
  /** The date column. */
  date?: string;
  /** Spend columns, or channel names whose spend column exists, as `mixwise fit --channels` takes them (resolveChannels). */
  channels?: string[];
  /** Control columns: they replace the detected ones, and are neither events nor KPI candidates. */
  controls?: string[];
}

/**
 * Detects the roles of a data file's columns for a new config: the date column and frequency
 * (detectColumns), the channels (`*_spend` columns, else columns named like spend: resolveChannels)
 * with an exposure column each when one is named for the channel (exposureColumns), the KPI (the
 * given target, else the first numeric column whose name contains a KPI_WORDS word, in that word
 * order, and is not named like a rate (revenue_per_conversion: isKpiLike)), events (unused columns holding only 0 and 1 in every row, and
 * text columns of a few values beside a "no event" marker such as na: unusedTextColumns) and controls (the remaining
 * numeric columns that candidateControls accepts: not named like a KPI, exposure, spend or calendar
 * field, complete, not constant, not a near-copy of the KPI or of a channel's spend); columns that look
 * like organic media (organicCandidate: newsletter, sends, organic, PR, mentions, or impressions and clicks
 * without a channel of their own) are set apart in `organic`, never controls. A panel (one row
 * per date and geo or product: panelColumn) is detected on its roll-up to one row per date
 * (rollUpPanel), and `panel` names its column; a long file with one row per date and channel (the KPI
 * repeated on each row, or a column named like channels: longFormat) is refused with LONG_FORMAT. Roles the user names replace their detection and are
 * checked as `mixwise fit` checks them (resolveRoles: columns that exist, one role per column).
 * @param file the data file as read by readCsvFile
 * @param given the roles the user names (target, date, channels, controls)
 * @returns the detection
 * @throws DataError with every problem of the roles at once: the dates or channels that cannot be
 *   detected (detectColumns' issues, whose hints list the file's columns) together with a KPI that is not found,
 *   LONG_FORMAT for one row per date and channel, PANEL_UNBALANCED for a panel date that lacks a row,
 *   DUPLICATE_PANEL_ROW for a panel row that repeats an earlier row's date and geo,
 *   MISSING_COLUMN when no KPI is given or found (the hint lists the numeric candidates) or a named
 *   control is not in the file, ROLE_CONFLICT for a column given two roles
 * @example detectConfig(readCsvFile('data.csv')).target // 'revenue'
 * @example detectConfig(readCsvFile('multi.csv'), { target: 'y', channels: ['x1', 'x2'] }).panel?.columns // ['geo']
 */
export function detectConfig(file: CsvTable, given: GivenRoles = {}): ConfigDetection {
  // A long file (one row per date and channel) is pivoted, never summed: refuse before rolling it up,
  // whose checks (one row per date and campaign) would report its missing campaign rows instead.
  const firstDate = given.date ?? detectDateColumn(file.header, file.rows);
  const filePanel = firstDate === undefined || !file.header.includes(firstDate) ? undefined : panelColumn(file, firstDate);
  if (filePanel !== undefined && firstDate !== undefined) {
    const long = longFormat(file, firstDate, filePanel, given.target);
    if (long !== undefined) throw new DataError([longFormatIssue(file, firstDate, filePanel, long, given.target)]);
  }
  const { csv, panel, date } = rollUpPanel(file, given.date);
  // Every problem at once (no spend columns and no KPI, say): detectColumns' errors are kept, and the
  // KPI is still looked for among the columns they leave, so one run of init lists them all. The hints
  // list the file's columns, the geo of a panel included.
  const problems: Issue[] = [];
  let found: DetectedColumns | undefined;
  try {
    found = detectColumns(csv, { date: given.date, channels: given.channels, shown: file.header });
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    pushAll(problems, err.issues);
  }
  const dateColumn = found?.date ?? given.date ?? detectDateColumn(csv.header, csv.rows) ?? namedDateColumn(csv.header, csv.rows);
  const foundChannels = found?.channels
    ?? resolveChannels(csv.header, given.channels, new IssueCollector(csv.file, Number.POSITIVE_INFINITY), (c) => isNumericColumn(csv, c));
  const spendColumns = foundChannels.map((c) => c.column);
  const channels: DetectedChannel[] = foundChannels.map((c) => {
    const candidates = exposureColumns(csv.header, c.name, c.column);
    return { name: c.name, spend: c.column, ...(candidates.length > 0 ? { exposure: candidates[0] } : {}), exposureAlternatives: candidates.slice(1) };
  });
  const exposures = channels.flatMap((c) => (c.exposure === undefined ? [] : [c.exposure, ...c.exposureAlternatives]));
  // A named control is neither an event nor a KPI candidate.
  const numeric = unusedNumericColumns(csv, new Set([...(dateColumn === undefined ? [] : [dateColumn]), ...spendColumns, ...exposures, ...(given.controls ?? [])]));
  const dummies = numeric.filter((n) => isDummyColumn(csv, n, { complete: true }));
  const kpiLike = KPI_WORDS.flatMap((w) => numeric.filter((n) => !dummies.includes(n) && n.toLowerCase().includes(w) && isKpiLike(n)));
  const kpis = [...new Set(kpiLike)];
  const chosen = given.target ?? kpis[0];
  if (chosen === undefined || !csv.header.includes(chosen)) {
    const issues = new IssueCollector(csv.file);
    // A rate is ruled out as the KPI by the message, so the hint does not offer it back.
    const numericLeft = numeric.filter((n) => !dummies.includes(n));
    const rates = numericLeft.filter(isOutcomeRate);
    const candidates = numericLeft.filter((n) => !rates.includes(n));
    const quoted = rates.map((r) => `"${r}"`);
    const noKpi = 'no column looks like the KPI' + (rates.length === 0 ? ''
      : ` (${quoted.join(', ')} ${rates.length === 1 ? 'is a rate' : 'are rates'} per unit, which ${rates.length === 1 ? 'does' : 'do'} not add up over periods or geos: not a KPI)`);
    issues.error('MISSING_COLUMN', chosen === undefined ? noKpi : `the target column "${chosen}" is not in the file`,
      chosen === undefined ? `name the KPI with --target COL (numeric columns: ${candidates.join(', ') || 'none'})` : availableColumns(file.header),
      chosen === undefined ? {} : { column: chosen });
    problems.push(...issues.list());
  }
  if (problems.length > 0 || found === undefined || chosen === undefined) throw new DataError(problems);
  checkGivenRoles(csv, { target: chosen, date: found.date, channels: spendColumns, controls: given.controls });
  if (panel !== undefined && date !== undefined && kpiRepeats(file, date, chosen)) {
    throw new DataError([longFormatIssue(file, date, panel, { kind: 'kpi-repeats', kpi: chosen }, chosen)]);
  }
  const unassigned = numeric.filter((n) => n !== chosen && !dummies.includes(n));
  // Exposure without spend (a newsletter, organic impressions) is suggested as organic media, never made a control.
  const organic = unassigned.filter((n) => organicCandidate(n, foundChannels));
  const spare = unassigned.filter((n) => !organic.includes(n));
  const organicProblems = Object.fromEntries(organic.flatMap((n) => { const p = organicColumnProblem(csv, n); return p === undefined ? [] : [[n, p]]; }));
  const picked = candidateControls(csv, spare, { target: chosen, spend: spendColumns });
  // Named controls replace the detected ones; a column detection would have taken is listed as left out.
  const unlisted: LeftOutColumn[] = given.controls === undefined ? [] : picked.controls.map((column) => ({ column, reason: 'not-listed' }));
  const leftOut = [...picked.leftOut, ...unlisted].sort((a, b) => spare.indexOf(a.column) - spare.indexOf(b.column));
  const calendar = picked.leftOut.filter((l) => l.reason === 'calendar').map((l) => l.column);
  const dateIndex = csv.header.indexOf(found.date);
  const text = unusedTextColumns(csv, new Set([found.date, chosen, ...spendColumns, ...exposures, ...(panel?.columns ?? [])]));
  return {
    date: found.date,
    dateAlternatives: csv.header.filter((h, j) => j !== dateIndex && csv.rows.every((r) => r[j] === '' || looksLikeDate(r[j]))
      && csv.rows.some((r) => r[j] !== '')),
    frequency: found.frequency,
    target: chosen,
    targetAlternatives: kpis.filter((k) => k !== chosen),
    channels,
    controls: given.controls ?? picked.controls,
    organic,
    ...(Object.keys(organicProblems).length > 0 ? { organicProblems } : {}),
    calendar,
    leftOut,
    events: [...dummies.filter((d) => d !== chosen), ...text.filter((t) => t.events).map((t) => t.column)],
    text,
    firstDate: isoOf(csv.rows[0][dateIndex]),
    lastDate: isoOf(csv.rows[csv.rows.length - 1][dateIndex]),
    nRows: csv.rows.length,
    ...(panel === undefined ? {} : { panel }),
    ...(isMeridianShaped(file.header) ? { meridianShaped: true } : {}),
    ...missingKpiDates(csv, chosen, dateIndex),
    named: { channels: given.channels !== undefined, controls: given.controls !== undefined },
    warnings: found.warnings,
  };
}

/**
 * Refuses a detection whose names would collide in the outputs, as `mixwise prepare` and `fit` would
 * (checkComponentNames: a `trend_spend` column is the channel "trend", a model term), so `mixwise init`
 * does not write a config that cannot be fitted; the fix renames the column, keeping it a channel.
 * @param d the detection
 * @param file the data file, for the issues' location
 * @throws DataError with RESERVED_NAME and NAME_CONFLICT errors
 * @example checkDetectedNames(detectConfig(csv), csv.file)
 */
export function checkDetectedNames(d: ConfigDetection, file: string): void {
  const issues = new IssueCollector(file);
  checkComponentNames(issues, { channels: d.channels.map((c) => ({ name: c.name, column: c.spend })), controls: d.controls, events: d.events });
  issues.throwIfErrors();
}

/**
 * The checks `mixwise fit` makes of the roles it is given (resolveRoles): every named control is in the
 * file, and no column has two roles (a channel that is also the target or a control…).
 * @throws DataError with MISSING_COLUMN and ROLE_CONFLICT errors
 */
function checkGivenRoles(csv: CsvTable, roles: { target: string; date: string; channels: string[]; controls?: string[] }): void {
  const issues = new IssueCollector(csv.file);
  resolveRoles(csv, roles, issues);
  issues.throwIfErrors();
}

function isoOf(cell: string): string {
  const parsed = parseDate(cell);
  return parsed.ok ? parsed.iso : cell;
}

/** The dates whose KPI cell is empty or NA, as `{ missingKpi }`, or {} when every period has a KPI. */
function missingKpiDates(csv: CsvTable, target: string, dateIndex: number): { missingKpi?: string[] } {
  const k = csv.header.indexOf(target);
  const dates = csv.rows.flatMap((r) => {
    const p = parseNumber(r[k], csv.delimiter);
    return !p.ok && (p.reason === 'empty' || p.reason === 'missing') ? [isoOf(r[dateIndex])] : [];
  });
  return dates.length === 0 ? {} : { missingKpi: dates };
}
