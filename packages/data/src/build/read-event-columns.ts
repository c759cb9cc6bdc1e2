import type { EventColumn } from '@mixwise/engine';
import type { IssueCollector } from '../issue-collector.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { parseNumber } from '../read/parse-number.ts';
import { readNumericColumn } from './read-numeric-column.ts';

/** Cell values that mean "no event" in a categorical event column (compared lower-cased). */
export const NO_EVENT_LEVELS: readonly string[] = ['', 'na', 'n/a', 'none', 'null', '-'];

/**
 * Reads one event column into dummies. A numeric column is a dummy itself and must hold values in
 * 0..1 (1 = the event happened; fractions for partial periods). A column holding text (such as Robyn's
 * `events` column with values na/event1/event2), or holding no number at all, is categorical: it expands to one 0/1 dummy per level
 * other than the "no event" markers (NO_EVENT_LEVELS), named `<column>_<level>` (characters other than
 * letters, digits and `_` become `_`), levels in sorted order.
 * @param csv the table read from the file
 * @param column the event column's name (must be in csv.header)
 * @param issues receives cell errors, EVENT_NOT_DUMMY errors and EVENT_NEVER_HAPPENS warnings
 * @returns the dummies (one, or one per level), or undefined when the column has errors
 * @example readEventColumns(csv, 'events', issues)?.map((e) => e.name) // ['events_event1', 'events_event2']
 */
export function readEventColumns(csv: CsvTable, column: string, issues: IssueCollector): EventColumn[] | undefined {
  const j = csv.header.indexOf(column);
  const parsed = csv.rows.map((r) => parseNumber(r[j], csv.delimiter));
  const categorical = parsed.some((p) => !p.ok && p.reason === 'not-number') || !parsed.some((p) => p.ok);
  if (categorical) return expandLevels(csv, column, j, issues);
  const values = readNumericColumn(csv, column, 'event', issues);
  if (values === undefined) return undefined;
  let ok = true;
  values.forEach((v, i) => {
    if (v >= 0 && v <= 1) return;
    ok = false;
    issues.error('EVENT_NOT_DUMMY', `event value ${csv.rows[i][j]} is outside 0..1`,
      'events are 0/1 dummies (fractions for partial periods); pass continuous variables as controls instead',
      { row: csv.rowNumbers[i], column });
  });
  if (!ok) return undefined;
  if (values.every((v) => v === 0)) warnNever(issues, column);
  return [{ name: column, values }];
}

function expandLevels(csv: CsvTable, column: string, j: number, issues: IssueCollector): EventColumn[] {
  const levels = [...new Set(csv.rows.map((r) => r[j]))]
    .filter((level) => !NO_EVENT_LEVELS.includes(level.toLowerCase()))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (levels.length === 0) {
    warnNever(issues, column);
    return [];
  }
  return levels.map((level) => {
    const values = new Float64Array(csv.rows.length);
    csv.rows.forEach((r, i) => {
      if (r[j] === level) values[i] = 1;
    });
    return { name: eventDummyName(column, level), values };
  });
}

/**
 * The name of a categorical event column's dummy for one value: `<column>_<level>`, characters other
 * than letters, digits and `_` as `_`.
 * @example eventDummyName('events', 'event 1') // 'events_event_1'
 */
export function eventDummyName(column: string, level: string): string {
  return `${column}_${level.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function warnNever(issues: IssueCollector, column: string): void {
  issues.warning('EVENT_NEVER_HAPPENS', 'this event column has no occurrence in any period',
    'remove it from the events; it cannot explain anything', { column });
}
