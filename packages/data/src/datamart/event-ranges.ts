import { DataError, type Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { isoFromDays, parseDate } from '../read/date.ts';
import { makeIssue } from '../validate/make-issue.ts';

/** Longest date range one line of an events file may cover, in days: a longer one is most likely a mistyped year. */
export const MAX_EVENT_RANGE_DAYS = 366;

/** The columns that may hold an event's name in a file of ranges, in order of preference. */
const NAME_COLUMNS = ['event', 'name'];

/**
 * Whether an events file's header is that of date ranges: `start` and `end` columns and no `date`.
 * @example isEventRangeHeader(['name', 'start', 'end']) // true
 */
export function isEventRangeHeader(header: readonly string[]): boolean {
  return header.includes('start') && header.includes('end') && !header.includes('date');
}

/**
 * An events file of date ranges (`event, start, end` or `name, start, end`: a promo calendar) as the
 * one-line-per-day file the datamart reads (`date,event`): every day from start to end, both
 * included. The build then marks a period 1 when any of its days has the event, as for a file of days,
 * so a range that covers part of a week gives that week 1 (not a fraction). Every cell is checked
 * first, and every problem is reported at once at the file's line and column.
 * @param csv the events file (header renamed by the config's mapping, if any)
 * @param own the file's own header for a column name (a mapping's inverse; identity without one)
 * @returns the text of the expanded file, `date,event` and one line per day, in file order
 * @throws DataError MISSING_COLUMN without an event/name column; EMPTY_CELL for an empty name, start
 *   or end; INVALID_DATE for a date that cannot be read, an end before its start, or a range longer
 *   than MAX_EVENT_RANGE_DAYS
 * @example expandEventRanges(parseCsvText('name,start,end\npromo,2024-01-01,2024-01-03', 'p.csv')) // 'date,event\n2024-01-01,promo\n2024-01-02,promo\n2024-01-03,promo\n'
 */
export function expandEventRanges(csv: CsvTable, own: (column: string) => string = (c) => c): string {
  const nameColumn = NAME_COLUMNS.find((c) => csv.header.includes(c));
  const at = (row: number, column: string): { file: string; row: number; column: string } => ({ file: csv.file, row, column: own(column) });
  if (nameColumn === undefined) {
    throw new DataError([makeIssue('MISSING_COLUMN', 'error', `the events file of date ranges (start, end) has no column naming the event (columns: ${csv.header.join(', ')})`,
      'name the column event (or name), or map it in mixwise.yaml: events: { path: FILE, columns: { event: promo } }', { file: csv.file })]);
  }
  const [j, s, e] = [nameColumn, 'start', 'end'].map((c) => csv.header.indexOf(c));
  const issues: Issue[] = [];
  const lines = ['date,event'];
  csv.rows.forEach((r, i) => {
    const row = csv.rowNumbers[i];
    const name = r[j].trim();
    if (name === '') issues.push(makeIssue('EMPTY_CELL', 'error', 'the event has no name', 'write the event\'s name (one name per event; its column becomes event_<name>)', at(row, nameColumn)));
    const dates = ([['start', s], ['end', e]] as const).map(([column, k]) => {
      const text = r[k].trim();
      if (text === '') {
        issues.push(makeIssue('EMPTY_CELL', 'error', `the event has no ${column} date`, `write the ${column} date as yyyy-mm-dd (both ends are included)`, at(row, column)));
        return undefined;
      }
      const p = parseDate(text);
      if (!p.ok) issues.push(makeIssue('INVALID_DATE', 'error', `"${text}" is not a date`, 'write dates as yyyy-mm-dd', at(row, column)));
      return p.ok ? p.days : undefined;
    });
    const [from, to] = dates;
    if (from === undefined || to === undefined || name === '') return;
    if (to < from) {
      issues.push(makeIssue('INVALID_DATE', 'error', `the event "${name}" ends (${isoFromDays(to)}) before it starts (${isoFromDays(from)})`, 'swap start and end', at(row, 'end')));
      return;
    }
    if (to - from + 1 > MAX_EVENT_RANGE_DAYS) {
      issues.push(makeIssue('INVALID_DATE', 'error', `the event "${name}" lasts ${to - from + 1} days (${isoFromDays(from)} to ${isoFromDays(to)}), longer than a year: probably a mistyped year`,
        `correct the end date; an event that truly lasts longer belongs in controls (a 0/1 column), not events (at most ${MAX_EVENT_RANGE_DAYS} days a line)`, at(row, 'end')));
      return;
    }
    const cell = /[",\r\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
    for (let d = from; d <= to; d++) lines.push(`${isoFromDays(d)},${cell}`);
  });
  if (issues.length > 0) throw new DataError(issues);
  return lines.join('\n') + '\n';
}
