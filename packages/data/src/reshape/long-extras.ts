import { basename } from 'node:path';
import type { Issue } from '../issue.ts';
import { queryModel, runModel, tableColumns, type Datamart } from '../datamart/datamart.ts';
import { sqlIssues, type SqlCellIssue } from '../datamart/sql-issues.ts';
import { pushAll } from '../push-all.ts';

/** Controls and events read from the optional long inputs, per period. */
export interface LongExtras {
  /** Control names in file order; values keyed by `name|date`. */
  controls: string[];
  controlValues: Map<string, number>;
  /** Event names (sorted); `name|date` present when the event happens in the period. */
  events: string[];
  eventPeriods: Set<string>;
  /** Bad cells of either file (errors). */
  issues: Issue[];
}

/**
 * Stages the optional controls file (date + one column per control; averaged per period) and
 * events file (date, event: one line per day an event happens) into the open datamart, after
 * int_calendar exists (it defines period_start).
 * @param dm the datamart
 * @param files optional paths of the controls and events files
 * @returns the values per period and the located issues of both files
 * @throws the DuckDB error when a file cannot be read
 * @example (await stageLongExtras(dm, { events: 'events.csv' })).events // ['black_friday']
 */
export async function stageLongExtras(dm: Datamart, files: { controls?: string; events?: string }): Promise<LongExtras> {
  const out: LongExtras = { controls: [], controlValues: new Map(), events: [], eventPeriods: new Set(), issues: [] };
  if (files.controls !== undefined) {
    await runModel(dm, 'stg_controls', { path: files.controls });
    pushAll(out.issues, sqlIssues(basename(files.controls), (await queryModel(dm, 'stg_controls_issues_select')) as unknown as SqlCellIssue[]));
    out.controls = (await tableColumns(dm, 'raw_controls')).filter((c) => c !== '_row' && c !== 'date');
    for (const r of await queryModel(dm, 'int_controls_period')) out.controlValues.set(`${String(r.name)}|${String(r.date)}`, Number(r.value));
  }
  if (files.events !== undefined) {
    await runModel(dm, 'stg_events', { path: files.events });
    pushAll(out.issues, sqlIssues(basename(files.events), (await queryModel(dm, 'stg_events_issues_select')) as unknown as SqlCellIssue[]));
    for (const r of await queryModel(dm, 'int_events_period')) out.eventPeriods.add(`${String(r.name)}|${String(r.date)}`);
    out.events = [...new Set([...out.eventPeriods].map((k) => k.slice(0, k.lastIndexOf('|'))))].sort();
  }
  return out;
}

/**
 * Issues for periods of the modeling table that a control has no value for (CONTROL_GAP, errors).
 * @example controlGaps(extras, ['2024-01-01'], 'controls.csv') // [] when every control covers the week
 */
export function controlGaps(extras: LongExtras, dates: readonly string[], file: string): Issue[] {
  return extras.controls.flatMap((name) => dates.filter((d) => !extras.controlValues.has(`${name}|${d}`)).map((d) => ({
    code: 'CONTROL_GAP', severity: 'error' as const, message: `no value of control "${name}" in the period starting ${d}`,
    hint: 'add the missing dates to the controls file, or impute them before loading', at: { file, column: name },
  })));
}
