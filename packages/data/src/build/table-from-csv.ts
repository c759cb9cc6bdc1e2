import type { ChannelColumn, ControlColumn, EventColumn, Frequency, ModelingTable } from '@mixwise/engine';
import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { ResolvedRoles, TableRoles } from './resolve-roles.ts';
import { IssueCollector } from '../issue-collector.ts';
import { detectFrequency } from '../detect/detect-frequency.ts';
import { resolveRoles } from './resolve-roles.ts';
import { readDates } from './read-dates.ts';
import { readNumericColumn } from './read-numeric-column.ts';
import { readEventColumns } from './read-event-columns.ts';
import { isDummyColumn, unusedNumericColumns } from './unused-numeric-columns.ts';
import { guessTargetKind } from './guess-target-kind.ts';
import { MIN_PERIODS_HARD, minimumPeriods, parameterCount } from './minimum-periods.ts';

/** A modeling table with the warnings found while building it and the roles that were used. */
export interface TableFromCsvResult {
  table: ModelingTable;
  /** Warnings (including the reader's); errors are thrown instead. */
  warnings: Issue[];
  /** The columns used for each role, after detection. */
  roles: ResolvedRoles;
}

/**
 * Builds a ModelingTable from CSV cells. Checks (every problem is collected before throwing): missing
 * columns, role conflicts, dates (format, duplicates, order, regular weekly or daily steps), numbers
 * in every used cell, negative spend, too few rows (< 12 is an error; < max(2 × parameters, 26) a
 * warning), a constant target. Warnings: channels that never spend, constant controls, events that never
 * happen, and unused numeric columns (candidate controls). Nothing is reordered, filled or dropped.
 * @param csv the file as read by readCsvFile
 * @param roles target (required), and optionally date, channels, controls, events, control signs
 * @returns the table (nTimes = csv.rows.length), warnings and resolved roles
 * @throws DataError with every issue found when there is at least one error
 * @example tableFromCsv(readCsvFile('data.csv'), { target: 'sales' }).table.channels.map((c) => c.name) // ['tv', 'search']
 */
export function tableFromCsv(csv: CsvTable, roles: TableRoles): TableFromCsvResult {
  const issues = new IssueCollector(csv.file);
  for (const w of csv.warnings) issues.add(w);
  const resolved = resolveRoles(csv, roles, issues);
  if (roles.events === undefined && roles.autoEvents !== false) {
    const taken = new Set<string>([
      ...[resolved.date, resolved.target].filter((c): c is string => c !== undefined),
      ...(resolved.channels ?? []).map((c) => c.column),
      ...(resolved.controls ?? []),
    ]);
    resolved.events = unusedNumericColumns(csv, taken).filter((name) => isDummyColumn(csv, name, { complete: true }));
  }
  const nRows = csv.rows.length;
  if (nRows < MIN_PERIODS_HARD) {
    issues.error('TOO_FEW_ROWS', `the file has ${nRows} data rows; at least ${MIN_PERIODS_HARD} periods are needed to fit a model`,
      `provide more history: at least max(2 × parameters, ${minimumPeriods(0)}) periods are recommended`);
  }
  let dates: string[] | undefined;
  let frequency: Frequency | undefined;
  if (resolved.date !== undefined) {
    const parsed = readDates(csv, resolved.date, issues);
    if (parsed !== undefined) {
      dates = parsed.iso;
      frequency = detectFrequency(parsed.days, issues, { column: resolved.date, rowNumbers: csv.rowNumbers });
    }
  }
  let targetValues: Float64Array | undefined;
  if (resolved.target !== undefined) {
    const values = readNumericColumn(csv, resolved.target, 'target', issues);
    targetValues = values;
    if (values !== undefined && nRows > 1 && values.every((v) => v === values[0])) {
      issues.error('CONSTANT_TARGET', `the target has the same value (${values[0]}) in every period`,
        'check that the right column is the target: a constant KPI has nothing to explain', { column: resolved.target });
    }
  }
  const channels: ChannelColumn[] = [];
  for (const c of resolved.channels ?? []) {
    const spend = readNumericColumn(csv, c.column, 'spend', issues);
    if (spend === undefined) continue;
    if (spend.every((v) => v === 0)) {
      issues.warning('CHANNEL_NEVER_SPENDS', `channel "${c.name}" has zero spend in every period`,
        'its effect cannot be estimated; leave it out of the channels', { column: c.column });
    }
    channels.push({ name: c.name, column: c.column, spend });
  }
  const controls: ControlColumn[] = [];
  for (const name of resolved.controls ?? []) {
    const values = readNumericColumn(csv, name, 'control', issues);
    if (values === undefined) continue;
    if (nRows > 1 && values.every((v) => v === values[0])) {
      issues.warning('CONSTANT_CONTROL', `control "${name}" has the same value in every period`,
        'a constant cannot be told apart from the baseline; leave it out of the controls', { column: name });
    }
    controls.push({ name, values, sign: roles.controlSigns?.[name] ?? 'free' });
  }
  const events: EventColumn[] = [];
  for (const name of resolved.events ?? []) events.push(...(readEventColumns(csv, name, issues) ?? []));
  const nParameters = parameterCount(resolved.channels?.length ?? 0, controls.length, events.length);
  const recommended = minimumPeriods(nParameters);
  if (nRows >= MIN_PERIODS_HARD && nRows < recommended) {
    issues.warning('FEW_ROWS', `${nRows} periods for about ${nParameters} parameters; at least max(2 × ${nParameters}, 26) = ${recommended} are recommended`,
      'add history or use fewer channels, controls and events; estimates will be unstable');
  }
  const used = new Set<string>([
    ...[resolved.date, resolved.target].filter((c): c is string => c !== undefined),
    ...(resolved.channels ?? []).map((c) => c.column),
    ...(resolved.controls ?? []),
    ...(resolved.events ?? []),
  ]);
  const unused = unusedNumericColumns(csv, used);
  if (unused.length > 0) {
    const dummies = unused.filter((name) => isDummyColumn(csv, name));
    const eventHint = dummies.length > 0 ? `, and 0/1 event columns with --events (candidates: ${shortList(dummies)})` : '';
    issues.warning('UNUSED_COLUMNS', `numeric columns not used by the model: ${shortList(unused)}`,
      `pass those that drive the KPI (price, distribution, competitor activity…) with --controls${eventHint}`);
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
  };
  const finalRoles: ResolvedRoles = {
    target: resolved.target,
    date: resolved.date,
    channels: resolved.channels,
    controls: resolved.controls ?? [],
    events: resolved.events ?? [],
  };
  return { table, warnings: issues.list(), roles: finalRoles };
}

function shortList(names: readonly string[], max = 20): string {
  return names.length > max ? `${names.slice(0, max).join(', ')}, … (${names.length - max} more)` : names.join(', ');
}
