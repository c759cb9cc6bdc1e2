import type { CsvTable } from '../read/read-csv.ts';
import { looksLikeDate } from '../read/date.ts';
import { NO_EVENT_LEVELS } from '../build/read-event-columns.ts';
import { isMostlyNumericColumn, isNumericColumn } from '../build/unused-numeric-columns.ts';

/**
 * Text columns with no role: a categorical column (Robyn's `events`: na/event1/event2) is a set of
 * events the model can use (`--events COL` expands it to one 0/1 dummy per value), so it must be named
 * where numeric columns are, never left out without a word.
 */

/** Most event values (other than "no event") a text column may have to be proposed as events. */
export const MAX_EVENT_LEVELS = 5;

/** A text column with no role. */
export interface TextColumn {
  readonly column: string;
  /** Distinct filled values, in order of first appearance. */
  readonly values: string[];
  /** Whether every filled value is a date (a second date column). */
  readonly dates: boolean;
  /**
   * Whether it reads as events: a few values (1 to MAX_EVENT_LEVELS) besides a "no event" marker
   * (na, none, an empty cell… NO_EVENT_LEVELS) that some rows hold.
   */
  readonly events: boolean;
}

/**
 * The columns no role uses that hold text: not numbers (isNumericColumn), nor numbers with a few typos
 * (isMostlyNumericColumn), and not empty throughout.
 * @param csv the table read from the file
 * @param used the columns given a role
 * @returns the columns in file order
 * @example unusedTextColumns(csv, new Set(['DATE', 'revenue'])).map((t) => [t.column, t.events]) // [['events', true]]
 */
export function unusedTextColumns(csv: CsvTable, used: ReadonlySet<string>): TextColumn[] {
  const out: TextColumn[] = [];
  csv.header.forEach((column, j) => {
    if (used.has(column) || isNumericColumn(csv, column) || isMostlyNumericColumn(csv, column)) return;
    const cells = csv.rows.map((r) => (r[j] ?? '').trim());
    const values = [...new Set(cells.filter((c) => c !== ''))];
    if (values.length === 0) return;
    const dates = values.every(looksLikeDate);
    const levels = values.filter((v) => !NO_EVENT_LEVELS.includes(v.toLowerCase()));
    const none = cells.some((c) => NO_EVENT_LEVELS.includes(c.toLowerCase()));
    out.push({ column, values, dates, events: !dates && none && levels.length >= 1 && levels.length <= MAX_EVENT_LEVELS });
  });
  return out;
}

/**
 * A text column in a few words, for warnings and config comments.
 * @example describeTextColumn({ column: 'events', values: ['na', 'event1', 'event2'], dates: false, events: true }) // 'events (values: na, event1, event2)'
 */
export function describeTextColumn(t: TextColumn, max = 5): string {
  if (t.dates) return `${t.column} (dates)`;
  const shown = t.values.slice(0, max).join(', ') + (t.values.length > max ? `, … (${t.values.length} values)` : '');
  return `${t.column} (values: ${shown})`;
}
