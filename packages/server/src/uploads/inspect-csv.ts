import type { CleaningChoice, Issue, UploadColumn, ColumnRole } from '@mixwise/contracts';
import type { CsvTable, DetectedColumns, ConfigDetection } from '@mixwise/data';
import { DataError, KPI_WORDS, countIssues, detectColumns, detectConfig, imputableControls, isNumericColumn, leftOutText, moreIssuesOf, organicCandidate, readOutcome, rollUpPanel, runRules } from '@mixwise/data';
import { cleaningChoiceFor } from './cleaning-choices.ts';
import { apiIssues } from './api-hints.ts';
import { sortedByDate } from './sorted-by-date.ts';
import { ApiHttpError } from '../http/api-http-error.ts';

/** Rows of the preview. */
export const PREVIEW_ROWS = 20;

/** Most columns an upload may have: the checks grow faster than the column count (10,000 columns took a minute), and a model has far fewer. */
export const MAX_UPLOAD_COLUMNS = 1000;

/** What inspecting an uploaded CSV found. */
export interface CsvInspection {
  /** True when no issue is an error. */
  readonly ok: boolean;
  /** Hints for the dashboard and API clients, at most a few of one code (apiIssues). */
  readonly issues: Issue[];
  /** Errors found, those not listed one by one included. */
  readonly errors: number;
  readonly rows: number;
  readonly columns: UploadColumn[];
  readonly preview: string[][];
  readonly frequency: 'daily' | 'weekly' | 'monthly' | null;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
}

/**
 * Reads an uploaded CSV with @mixwise/data's reader and runs every validation rule of `mixwise
 * validate` (no target yet, so the KPI checks wait for the role mapping), then detects column roles
 * as `mixwise init` does (detectConfig: date, KPI, `*_spend` channels, 0/1 events, numeric controls;
 * anything else is ignored, a numeric column with a note saying why it is not a control; a control
 * candidate but for a few empty cells is suggested as a control, with a note naming impute_controls,
 * the cleaning step the role check then asks for). A panel
 * (a row per date and geo or product) gets its column the 'panel' role, roles detected on the sums
 * per date, and its PANEL_DATA error becomes a warning saying the rows will be added up, or each geo
 * modelled if the user picks the geo-level model (roles.panelMode 'geo'). An error
 * that a dashboard cleaning step fixes (negative or empty spend, unsorted dates…) is a warning naming
 * the step in `fix`: the role check refuses the data until that step is ticked. Roles are detected on
 * the rows sorted by date (sortedByDate), so one row out of order changes no suggested role.
 * @param path the CSV file on disk
 * @param fileName the name shown in issues (the name the user uploaded)
 * @returns issues (errors make ok false), rows, columns with suggested roles, a preview
 * @throws ApiHttpError('INVALID_DATA') for more than MAX_UPLOAD_COLUMNS columns (checked before any rule runs)
 * @example inspectCsv('/data/u/data.csv', 'sales.csv').columns[0] // { name: 'date', numeric: false, suggestedRole: 'date' }
 */
export function inspectCsv(path: string, fileName: string): CsvInspection {
  const read = readOutcome(path, { name: fileName });
  const width = read.csv?.header.length ?? 0;
  if (width > MAX_UPLOAD_COLUMNS) {
    const message = `"${fileName}" has ${width.toLocaleString('en-US')} columns; at most ${MAX_UPLOAD_COLUMNS.toLocaleString('en-US')} are accepted`;
    throw new ApiHttpError('INVALID_DATA', message, [{
      code: 'TOO_MANY_COLUMNS', severity: 'error', message, hint: 'keep the date, the KPI, the spend columns and the controls you need, and leave the other columns out of the file', at: { file: fileName },
    }]);
  }
  // No command-line cleaning hints (--clean …): the dashboard names its own Cleaning ticks (Issue.fix).
  const validation = runRules(read, {}, { cleaningHints: 'none' });
  // Issues about roles (no `*_spend` column) are fixed in the role table that follows the upload,
  // so they do not refuse the file here; the role check reports them again if they stay.
  const csv = read.csv;
  const rolled = csv === undefined ? undefined : rollUp(csv);
  const panelHint = rolled?.panel === undefined ? undefined
    : `"${rolled.panel}" has the role Panel: by default the rows of each date will be added up into one (spend and the KPI summed, controls averaged, events by their largest value); `
      + 'or choose "Model each geo (geo-level model)" (roles.panelMode "geo") to fit every geo\'s series at once with shared media curves (every geo needs a row for every date); '
      + 'set the role to Ignore to refuse the file instead';
  const issues: Issue[] = validation.issues.map((i) => (ROLE_ISSUES.includes(i.code) ? { ...plainIssue(i), severity: 'warning' as const }
    : i.code === 'PANEL_DATA' && panelHint !== undefined ? { ...plainIssue(i), severity: 'warning' as const, hint: panelHint } : plainIssue(i)));
  // A MORE_ISSUES summary of the data layer counts the issues it stands for.
  const errors = (): number => countIssues(issues, 'error');
  if (csv === undefined || rolled === undefined) return { ok: false, issues: apiIssues(issues, 'upload'), errors: errors(), rows: 0, columns: [], preview: [], frequency: null, firstDate: null, lastDate: null };
  // Roles are detected on the rows in date order: a row out of order is a warning fixed by sorting, not a reason to detect nothing.
  const roles = suggestRoles(sortedByDate(rolled.csv), issues);
  if (rolled.panel !== undefined) roles.set(rolled.panel, 'panel');
  // An error a cleaning step fixes does not refuse the file: the role check refuses it until the step is ticked.
  const of = (role: ColumnRole): string[] => [...roles].filter(([, r]) => r === role).map(([c]) => c);
  const fixRoles = { target: of('target')[0], channels: of('channel').map((column) => ({ column })), controls: of('control') };
  const found = [...issues];
  const fixes = found.map((i) => (i.severity === 'error' ? cleaningChoiceFor(i, fixRoles) : undefined));
  found.forEach((i, k) => {
    // The errors a MORE_ISSUES summary counts are not listed: they take the fix every listed one of their code takes, if one.
    const fix = fixes[k] ?? summaryFix(i, found, fixes);
    if (fix !== undefined) issues[k] = { ...i, severity: 'warning', fix };
  });
  const d = roles.detection;
  const notes = new Map<string, string>();
  const exposures = new Set<string>();
  const imputable = d !== undefined && 'leftOut' in d ? imputableControls(d.leftOut) : [];
  if (d !== undefined && 'leftOut' in d) {
    for (const l of d.leftOut) notes.set(l.column, imputable.includes(l.column) ? imputableNote(l.empty?.cells ?? 0, l.empty?.line ?? 0) : leftOutText(l));
    for (const c of d.channels) for (const e of [c.exposure ?? [], c.exposureAlternatives].flat()) { notes.set(e, `exposure of channel ${c.name}`); exposures.add(e); }
  }
  // Organic media are never suggested (the user decides), but a column named like exposure without spend says it could be one.
  const channelRefs = [...roles].filter(([, r]) => r === 'channel').map(([column]) => ({ name: column.replace(/_spend$/i, ''), column }));
  const organicLike = (name: string, role: ColumnRole): boolean => (role === 'ignore' || role === 'control')
    && !exposures.has(name) && !imputable.includes(name) && isNumericColumn(csv, name) && organicCandidate(name, channelRefs);
  const columns = csv.header.map((name): UploadColumn => {
    const suggestedRole = roles.get(name) ?? 'ignore';
    const note = organicLike(name, suggestedRole) ? ORGANIC_NOTE
      : suggestedRole === 'ignore' || imputable.includes(name) ? notes.get(name) : undefined;
    return { name, numeric: isNumericColumn(csv, name), suggestedRole, ...(note === undefined ? {} : { note }) };
  });
  return {
    ok: errors() === 0,
    issues: apiIssues(issues, 'upload'),
    errors: errors(),
    rows: csv.rows.length,
    columns,
    preview: csv.rows.slice(0, PREVIEW_ROWS),
    frequency: d?.frequency ?? null,
    firstDate: d && 'firstDate' in d ? d.firstDate : null,
    lastDate: d && 'lastDate' in d ? d.lastDate : null,
  };
}

/** The fix of a MORE_ISSUES error when every listed error of its code has the same fix (the role check still checks each cell once the step is ticked). */
function summaryFix(summary: Issue, issues: readonly Issue[], fixes: readonly (CleaningChoice | undefined)[]): CleaningChoice | undefined {
  const more = summary.severity === 'error' ? moreIssuesOf(summary) : undefined;
  if (more === undefined) return undefined;
  const listed = issues.flatMap((i, k) => (i.code === more.code && i.severity === 'error' ? [fixes[k]] : []));
  return listed.length > 0 && listed.every((f) => f !== undefined && f === listed[0]) ? listed[0] : undefined;
}

/**
 * The file rolled up when it is a panel with one panel column (rollUpPanel); a panel whose dates cannot be read is left to the validation issues,
 * and so is a panel keyed on several columns (geo and product), as the Panel role names one column.
 */
function rollUp(csv: CsvTable): { csv: CsvTable; panel?: string } {
  try {
    const r = rollUpPanel(csv);
    return r.panel?.columns.length !== 1 ? { csv } : { csv: r.csv, panel: r.panel.columns[0] };
  } catch (err) {
    if (err instanceof DataError) return { csv };
    throw err;
  }
}

/** The note of a column that looks like media exposure without spend (organicCandidate). */
const ORGANIC_NOTE = 'looks like media exposure without spend (newsletter sends, organic impressions): choose "Organic media (no spend)" to measure it against zero exposure, with carryover and saturation; '
  + 'a control is measured against its mean, so its total is 0';

/** The note of a control suggested despite a few empty cells: what the role check will ask for. */
function imputableNote(cells: number, line: number): string {
  return `${cells === 1 ? '1 empty cell' : `${cells} empty cells`} (the first on line ${line}): tick "Interpolate empty control cells" (impute_controls) under Cleaning to fill ${cells === 1 ? 'it' : 'them'}, or set the role to Ignore`;
}

/** Issue codes that the role mapping fixes (a channel named like a model term can be ignored): warnings here (the role check reports them again if they stay), with the role-table hint of apiIssues. */
const ROLE_ISSUES: readonly string[] = ['NO_CHANNELS', 'SPEND_BY_NAME', 'RESERVED_NAME', 'NAME_CONFLICT'];

/** Role per column name from detectConfig, falling back to detectColumns (date and channels) when no KPI is found. */
function suggestRoles(csv: CsvTable, issues: Issue[]): Map<string, ColumnRole> & { detection?: ConfigDetection | DetectedColumns } {
  const roles = new Map<string, ColumnRole>() as Map<string, ColumnRole> & { detection?: ConfigDetection | DetectedColumns };
  try {
    const d = detectConfig(csv);
    roles.detection = d;
    roles.set(d.date, 'date');
    roles.set(d.target, 'target');
    for (const c of d.channels) roles.set(c.spend, 'channel');
    for (const c of d.controls) roles.set(c, 'control');
    for (const e of d.events) roles.set(e, 'event');
    // A control but for a few empty cells: suggested, and the role check asks for impute_controls until ticked.
    for (const c of imputableControls(d.leftOut)) roles.set(c, 'control');
    return roles;
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
  }
  try {
    // No KPI found by name (or no channels): keep the date and channels detectColumns finds, and a KPI by name.
    const d = detectColumns(csv);
    roles.detection = d;
    roles.set(d.date, 'date');
    for (const c of d.channels) roles.set(c.column, 'channel');
    const kpi = KPI_WORDS.flatMap((w) => csv.header.filter((h) => !roles.has(h) && h.toLowerCase().includes(w) && isNumericColumn(csv, h)))[0];
    if (kpi !== undefined) roles.set(kpi, 'target');
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    const seen = new Set(issues.map((i) => `${i.code}|${i.at.column ?? ''}`));
    for (const i of err.issues) if (!seen.has(`${i.code}|${i.at.column ?? ''}`)) issues.push({ ...plainIssue(i), severity: 'warning' });
  }
  return roles;
}

/** A data Issue as plain JSON (no undefined members; its `details` marker kept, as cleaningFix reads it). */
export function plainIssue(i: { code: string; severity: 'error' | 'warning'; message: string; hint: string; at: { file?: string; row?: number; column?: string }; details?: Issue['details'] }): Issue {
  const at: Issue['at'] = {};
  if (i.at.file !== undefined) at.file = i.at.file;
  if (i.at.row !== undefined) at.row = i.at.row;
  if (i.at.column !== undefined) at.column = i.at.column;
  const plain: Issue = { code: i.code, severity: i.severity, message: i.message, hint: i.hint, at };
  return i.details === undefined ? plain : { ...plain, details: { ...i.details } };
}
