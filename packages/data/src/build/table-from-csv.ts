import type { ChannelColumn, ControlColumn, EventColumn, Frequency, HolidayCalendar, ModelingTable, OrganicColumn } from '@mixwise/engine';
import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { ResolvedRoles, TableRoles } from './resolve-roles.ts';
import type { RolesIn } from '../detect/role-hints.ts';
import { IssueCollector } from '../issue-collector.ts';
import { resolveRoles } from './resolve-roles.ts';
import { readNumericColumn } from './read-numeric-column.ts';
import { readEventColumns } from './read-event-columns.ts';
import { holidayEventColumns, type HolidayReport, type HolidayRequest } from './holiday-event-columns.ts';
import { isDummyColumn, unusedNumericColumns } from './unused-numeric-columns.ts';
import { autoRoles } from './auto-roles.ts';
import { organicCandidate, unusedColumnsHint } from './unused-columns-hint.ts';
import { describeTextColumn, unusedTextColumns, type TextColumn } from '../detect/text-columns.ts';
import { checkComponentNames } from './component-names.ts';
import { pairedExposure } from './paired-exposure.ts';
import { candidateControls, leftOutText, type LeftOutReason } from '../detect/candidate-controls.ts';
import { guessTargetKind } from './guess-target-kind.ts';
import { readDateColumn } from './read-date-column.ts';
import { kpiNoVariance } from '../validate/rules/kpi-no-variance.ts';
import { channelNoSpend } from '../validate/rules/channel-no-spend.ts';
import { constantColumns } from '../validate/rules/constant-columns.ts';
import { copiesSpend } from '../validate/rules/copies-spend.ts';
import { tooFewPeriods } from '../validate/rules/too-few-periods.ts';
import { warmUpRows } from '../window/warm-up-rows.ts';
import { EMPTY_IN_INSERTED, emptyOnlyInInserted, insertedControlsHint } from './empty-in-inserted.ts';

/** Reasons that rule a column out as a control for good: the UNUSED_COLUMNS hint never offers it as one. */
const RULED_OUT: ReadonlySet<LeftOutReason> = new Set(['kpi', 'rate', 'exposure', 'model-term', 'calendar', 'constant', 'kpi-copy', 'channel-copy']);

/** Why a geo panel's per-geo size column (geoSizeLike) is listed, instead of 'constant' (its sum over the geos). */
const GEO_SIZE_LIKE = 'constant within each geo, different between geos: looks like a geo size';

/** How to use a column that looks like a geo size as one. */
function geoSizeHint(column: string): string {
  return `to size each geo by ${column} rather than by its share of the KPI, fit with --geo-size ${column} (or columns.geo_size: ${column} in mixwise.yaml)`;
}

/** What a config's `exposure:` columns are for when their channels are modelled on spend. */
const EXPOSURE_HINT = '`mixwise prepare` writes each as <channel>_exposure';

/** A modeling table with the warnings found while building it and the roles that were used. */
export interface TableFromCsvResult {
  table: ModelingTable;
  /** Warnings (including the reader's); errors are thrown instead. */
  warnings: Issue[];
  /** The columns used for each role, after detection. */
  roles: ResolvedRoles;
  /** The built-in holiday events added (roles.holidays), absent without them. */
  holidays?: HolidayReport;
}

/**
 * Builds a ModelingTable from CSV cells. Checks (every problem is collected before throwing): missing
 * columns, role conflicts, dates (format, duplicates, order, regular weekly or daily steps), numbers
 * in every used cell, negative spend, too few rows (< 12 is an error; < max(2 × parameters, 26) a
 * warning), a constant target. Warnings: channels that never spend, constant controls, events that never
 * happen, and unused numeric columns (candidate controls). Nothing is reordered, filled or dropped.
 * @param csv the file as read by readCsvFile
 * @param roles target (required), and optionally date, channels, controls, events, control signs
 * @param options rolesIn: where the user sets the roles, named by the role hints (no date column, no
 *   channels, a channel that never spends, unused columns): the command line (--date, --channels,
 *   --controls, --events; the default) or the config (columns.date, columns.channels, columns.controls,
 *   as `mixwise prepare` needs); kpiFrom: first date whose KPI is fitted (a window's start): the KPI of
 *   earlier rows, which only warm up carryover, may be empty or unreadable and is then NaN; rowsUntil:
 *   the rows were cut at this date (a window's end), which the FEW_ROWS / TOO_FEW_ROWS messages say;
 *   exposure: the channels' exposure columns a config maps (read by tableFromConfig): not listed as
 *   unused, but the UNUSED_COLUMNS warning says they are carried into the table and not used by the model;
 *   pairExposure: give each channel the exposure column named for it, as `init` finds it (pairedExposure;
 *   `fit --media exposure` without a config), which is then modelled, so not listed as unused; exposurePins: with
 *   pairExposure, spend column → exposure column paired first (pairCandidates);
 *   geoSizeLike: a geo panel's columns that read like each geo's size (geoSizeColumns on the long file):
 *   constant once summed over the geos, so the UNUSED_COLUMNS warning says what they are and points at geo_size
 * @returns the table (nTimes = csv.rows.length), warnings and resolved roles
 * @throws DataError with every issue found when there is at least one error
 * @example tableFromCsv(readCsvFile('data.csv'), { target: 'sales' }).table.channels.map((c) => c.name) // ['tv', 'search']
 */
export function tableFromCsv(csv: CsvTable, roles: TableRoles,
  options: { rolesIn?: RolesIn; kpiFrom?: string; rowsUntil?: string; exposure?: readonly string[]; modelledExposure?: readonly string[]; pairExposure?: boolean; exposurePins?: Readonly<Record<string, string>>; geoSizeLike?: readonly string[] } = {}): TableFromCsvResult {
  const issues = new IssueCollector(csv.file);
  for (const w of csv.warnings) issues.add(w);
  const rolesIn = options.rolesIn ?? 'flags';
  const resolved = resolveRoles(csv, roles, issues, rolesIn);
  const auto = autoRoles(csv, roles, resolved);
  if (auto.events !== undefined) resolved.events = auto.events;
  if (auto.controls !== undefined) {
    resolved.controls = auto.controls;
    if (auto.controls.length > 0) {
      // A newsletter or organic-impressions column taken as a control is measured against its mean (total 0): point at --organic.
      const organicLike = auto.controls.filter((c) => organicCandidate(c, resolved.channels ?? []));
      const organicNote = organicLike.length === 0 ? '' : `; ${shortList(organicLike)} ${organicLike.length === 1 ? 'looks' : 'look'} like media exposure without spend: `
        + `a control is measured against its mean, so its total is 0; to measure ${organicLike.length === 1 ? 'its' : 'their'} effect against zero exposure, with carryover and saturation, `
        + `${rolesIn === 'config' ? 'add it to columns.organic in mixwise.yaml' : `pass --organic ${organicLike.join(',')} (and the other controls with --controls)`}`;
      issues.warning('AUTO_CONTROLS', `used as controls, as no controls were given: ${shortList(auto.controls)}`,
        'check that each one drives the KPI and is not itself moved by the media; choose the controls with --controls a,b '
        + `(and their expected signs with --control-signs), or use none with --no-auto-controls${organicNote}`);
    }
  }
  // Before fitting: names that would collide in decomposition.csv.
  checkComponentNames(issues, { channels: resolved.channels ?? [], controls: resolved.controls ?? [], events: resolved.events ?? [], organic: resolved.organic ?? [] });
  const add = (found: Issue[]): void => found.forEach((i) => issues.add(i));
  let dates: string[] | undefined;
  let frequency: Frequency | undefined;
  if (resolved.date !== undefined) ({ dates, frequency } = readDateColumn(csv, resolved.date, issues));
  let targetValues: Float64Array | undefined;
  if (resolved.target !== undefined) {
    targetValues = readNumericColumn(csv, resolved.target, 'target', issues, warmUpRows(csv, resolved.date, options.kpiFrom));
    add(kpiNoVariance(csv, resolved, options.kpiFrom === undefined ? {} : { kpiFrom: options.kpiFrom }));
  }
  let channels: ChannelColumn[] = [];
  for (const c of resolved.channels ?? []) {
    const spend = readNumericColumn(csv, c.column, 'spend', issues);
    if (spend !== undefined) channels.push({ name: c.name, column: c.column, spend });
  }
  add(channelNoSpend(csv, resolved, { rolesIn }));
  const controls: ControlColumn[] = [];
  for (const name of resolved.controls ?? []) {
    const values = readNumericColumn(csv, name, 'control', issues);
    if (values !== undefined) controls.push({ name, values, sign: roles.controlSigns?.[name] ?? 'free' });
  }
  const organic: OrganicColumn[] = [];
  for (const column of resolved.organic ?? []) {
    const values = readNumericColumn(csv, column, 'organic', issues);
    if (values !== undefined) organic.push({ name: column, column, values });
  }
  add(constantColumns(csv, resolved));
  add(copiesSpend(csv, resolved));
  let events: EventColumn[] = [];
  for (const name of resolved.events ?? []) events.push(...(readEventColumns(csv, name, issues) ?? []));
  let holidays: HolidayReport | undefined;
  if (roles.holidays !== undefined && roles.holidays.names.length > 0 && dates !== undefined && frequency !== undefined) {
    const fromRow = options.kpiFrom === undefined ? 0 : Math.max(0, dates.findIndex((d) => d >= (options.kpiFrom ?? '')));
    const taken = [...csv.header, ...(resolved.channels ?? []).map((c) => c.name)];
    const made = holidayEventColumns(dates, frequency, roles.holidays, taken, events, issues, fromRow);
    events = [...made.existing, ...made.events];
    holidays = made.report;
  }
  add(tooFewPeriods(csv, resolved, { nEvents: events.length, ...(options.rowsUntil === undefined ? {} : { rowsUntil: options.rowsUntil }) }));
  const used = new Set<string>([
    ...[resolved.date, resolved.target].filter((c): c is string => c !== undefined),
    ...(resolved.channels ?? []).map((c) => c.column),
    ...(resolved.controls ?? []),
    ...(resolved.events ?? []),
    ...(resolved.organic ?? []),
    ...(roles.reserved ?? []),
  ]);
  // A paired column whose cells cannot be read is still the channel's exposure: its errors say so, it is not "unused".
  const paired: string[] = [];
  if (options.pairExposure === true) channels = pairedExposure(csv, channels, used, issues, paired, options.exposurePins);
  // A config's `exposure:` columns are mapped (tableFromConfig reads them); those of channels modelled on spend are not modelled.
  const modelled = new Set([...(options.modelledExposure ?? []), ...paired]);
  const mapped = [...(options.exposure ?? []), ...paired].filter((name) => csv.header.includes(name) && !used.has(name));
  const exposure = mapped.filter((name) => !modelled.has(name));
  const unused = unusedNumericColumns(csv, new Set([...used, ...mapped]));
  const text = unusedTextColumns(csv, new Set([...used, ...mapped]));
  const exposureNote = exposure.length > 0 ? `mapped as exposure, carried into the modeling table but not modelled (their channels are modelled on spend): ${shortList(exposure)}` : '';
  const andExposure = exposureNote === '' ? '' : `; ${exposureNote}`;
  if (unused.length > 0) {
    const dummies = unused.filter((name) => isDummyColumn(csv, name));
    // A control fill_gaps left empty in the periods it inserted is complete in the file: impute_controls fills it.
    const inserted = auto.leftOut.filter((l) => l.reason === 'incomplete' && emptyOnlyInInserted(csv, l.column)).map((l) => l.column);
    // Given controls (--controls, or a config's columns.controls, as on the sources: path) leave no
    // automatic choice, but the spare columns are classified as it would (candidateControls), so the
    // warning says why each is no control (named like a KPI or exposure, constant…) either way.
    const leftOut = auto.controls === undefined
      ? candidateControls(csv, unused.filter((name) => !dummies.includes(name)), { target: resolved.target, spend: (resolved.channels ?? []).map((c) => c.column) }).leftOut
      : auto.leftOut;
    const why = new Map(leftOut.map((l) => [l.column, inserted.includes(l.column) ? EMPTY_IN_INSERTED : leftOutText(l)]));
    // Summed over a geo panel's geos, a per-geo size is constant: say it is constant within each geo instead.
    const sizeLike = unused.filter((name) => options.geoSizeLike?.includes(name) === true);
    for (const name of sizeLike) why.set(name, GEO_SIZE_LIKE);
    const listed = unused.map((name) => (why.has(name) ? `${name} (${why.get(name)})` : name));
    // The hint does not offer as a control a column the list has just ruled out (a KPI, an exposure…).
    const ruledOut = new Set(leftOut.filter((l) => RULED_OUT.has(l.reason)).map((l) => l.column));
    // A config's roles are set in the config: `mixwise prepare` has no --controls.
    const rest = unusedColumnsHint(unused.filter((name) => !inserted.includes(name) && !ruledOut.has(name)), { channels: resolved.channels ?? [], dummies, rolesIn, list: (n) => shortList(n) });
    const parts = [...(sizeLike.length > 0 ? [geoSizeHint(sizeLike[0])] : []), ...(inserted.length > 0 ? [insertedControlsHint(inserted, rolesIn)] : []), ...(rest === '' ? [] : [rest])];
    const hint = parts.length > 0 ? parts.join('; ') : 'nothing to do unless one of them drives the KPI: each is left out of the controls for the reason given';
    const texts = text.length > 0 ? `; text columns: ${shortList(text.map((t) => describeTextColumn(t)))}` : '';
    issues.warning('UNUSED_COLUMNS', `numeric columns not used by the model: ${shortList(listed)}${texts}${andExposure}`, `${hint}${textHint(text, rolesIn)}`);
  } else if (text.length > 0) {
    issues.warning('UNUSED_COLUMNS', `text columns not used by the model: ${shortList(text.map((t) => describeTextColumn(t)))}${andExposure}`, textHint(text, rolesIn).replace(/^; /, ''));
  } else if (exposureNote !== '') {
    issues.warning('UNUSED_COLUMNS', exposureNote, `nothing to do, or model a channel on its exposure with media: exposure (per channel or under model:) or --media exposure; ${EXPOSURE_HINT}`);
  }
  issues.throwIfErrors();
  if (dates === undefined || frequency === undefined || targetValues === undefined
    || resolved.target === undefined || resolved.date === undefined || resolved.channels === undefined) {
    // Every path that leaves one of these undefined has added an error above.
    throw new Error('tableFromCsv: inconsistent state without an error issue');
  }
  const table: ModelingTable = {
    dates,
    frequency,
    target: { name: resolved.target, kind: roles.targetKind ?? guessTargetKind(resolved.target), values: targetValues },
    channels,
    controls,
    events,
    ...(organic.length > 0 ? { organic } : {}),
    // Recorded in model.json by the fit, so later readings place holidays on the same weeks.
    ...(holidays === undefined || roles.holidays === undefined ? {} : { holidayCalendar: holidayCalendarOf(roles.holidays, holidays) }),
  };
  const finalRoles: ResolvedRoles = {
    target: resolved.target,
    date: resolved.date,
    channels: resolved.channels,
    controls: resolved.controls ?? [],
    events: resolved.events ?? [],
    ...(organic.length > 0 ? { organic: resolved.organic } : {}),
  };
  return { table, warnings: issues.list(), roles: finalRoles, ...(holidays === undefined ? {} : { holidays }) };
}

/** The holidays asked for, with the week label used (weekly data) and the columns mode when given. */
function holidayCalendarOf(request: HolidayRequest, report: HolidayReport): HolidayCalendar {
  return { names: [...request.names], ...(report.weekLabel === undefined ? {} : { weekLabel: report.weekLabel }), ...(request.columns === undefined ? {} : { columns: request.columns }) };
}

/** How to use unused text columns: a categorical one as events (one 0/1 dummy per value other than na/none/empty). */
function textHint(text: readonly TextColumn[], rolesIn: RolesIn): string {
  if (text.length === 0) return '';
  const events = text.filter((t) => t.events).map((t) => t.column);
  const how = rolesIn === 'config' ? 'add it to columns.events in mixwise.yaml' : 'pass it with --events COL';
  const some = events.length > 0 ? ` (candidates: ${shortList(events)})` : '';
  return `; to model a text column of a few values (holidays, promotions) as events, ${how}${some}: each value other than na, none or an empty cell becomes a 0/1 event`;
}

function shortList(names: readonly string[], max = 20): string {
  return names.length > max ? `${names.slice(0, max).join(', ')}, … (${names.length - max} more)` : names.join(', ');
}
