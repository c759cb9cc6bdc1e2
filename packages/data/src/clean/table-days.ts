import type { CsvTable } from '../read/read-csv.ts';
import { DataError } from '../issue.ts';
import { parseDate } from '../read/date.ts';
import { unparseableDates } from '../validate/rules/unparseable-dates.ts';
import { unsortedDates } from '../validate/rules/unsorted-dates.ts';
import { makeIssue } from '../validate/make-issue.ts';

/**
 * The date of every row as days since 1970-01-01, for the cleaning steps: a row with an unreadable
 * date cannot be placed, so any such row is an error (cleaning never guesses a date).
 * @param table the cells
 * @param column the date column
 * @param options sorted: also require dates in increasing order (the step named in `step` needs it)
 * @returns days and ISO dates, shape [nRows]
 * @throws DataError with the unparseableDates (or UNSORTED_DATES) issues
 * @example tableDays(csv, 'date').iso[0] // '2024-01-01'
 */
export function tableDays(table: CsvTable, column: string, options: { sorted?: boolean; step?: string } = {}): { days: number[]; iso: string[] } {
  const j = table.header.indexOf(column);
  if (j < 0) {
    throw new DataError([makeIssue('MISSING_COLUMN', 'error', `the date column "${column}" is not in the table`,
      'name the date column in the roles', { file: table.file, column })]);
  }
  const bad = unparseableDates(table, { date: column });
  if (bad.length > 0) throw new DataError(bad);
  if (options.sorted === true) {
    const unsorted = unsortedDates(table, { date: column });
    if (unsorted.length > 0) {
      throw new DataError(unsorted.map((i) => ({ ...i, hint: `add the sort-dates step before ${options.step ?? 'this step'}` })));
    }
  }
  const days: number[] = [];
  const iso: string[] = [];
  // A panel repeats each date on every geo's row: each text is parsed once, and its ISO string shared.
  const seen = new Map<string, { days: number; iso: string }>();
  for (const r of table.rows) {
    let p = seen.get(r[j]);
    if (p === undefined) {
      const parsed = parseDate(r[j]);
      if (!parsed.ok) throw new Error('tableDays: unreachable, dates were checked');
      p = { days: parsed.days, iso: parsed.iso };
      seen.set(r[j], p);
    }
    days.push(p.days);
    iso.push(p.iso);
  }
  return { days, iso };
}
