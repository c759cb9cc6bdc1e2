import { looksLikeDate } from '../read/date.ts';
import { datePattern } from '../read/date-pattern.ts';

/** Column names (lower-cased) taken to be the date column when their values look like dates. */
export const DATE_COLUMN_NAMES: readonly string[] = [
  'date', 'ds', 'week', 'time', 'period', 'day', 'month', 'date_week', 'week_start', 'week_starting',
  'week_ending', 'week_end', 'start_date', 'wk_strt_dt',
];

const DATE_WORD = /(?:^|[_\s])(?:date|dt)(?:[_\s]|$)/;

/**
 * Finds the date column. First choice: a column named like a date (`date`, `DATE`, `ds`, `week`, `time`,
 * … see DATE_COLUMN_NAMES, or containing the word `date`/`dt` between underscores) whose values are at
 * least half date-like (here a date in a form Mixwise recognises but does not read, such as Excel serial
 * numbers or yyyymmdd, counts, so that the error names the form: unreadableDateColumn); second choice: the first column whose non-empty values all look like dates.
 * Ambiguous dates (03/04/2021) count as date-like, so they are reported as ambiguous later rather than
 * as "no date column".
 * @param header column names
 * @param rows data rows (cells aligned with header)
 * @returns the column name, or undefined when nothing looks like dates
 * @example detectDateColumn(['DATE', 'revenue'], [['2020-01-06', '5']]) // 'DATE'
 */
export function detectDateColumn(header: readonly string[], rows: readonly (readonly string[])[]): string | undefined {
  const share = (j: number, named = false): { dateLike: number; filled: number } => {
    let dateLike = 0;
    let filled = 0;
    for (const r of rows) {
      const cell = r[j];
      if (cell === undefined || cell === '') continue;
      filled++;
      if (looksLikeDate(cell) || (named && datePattern(cell) !== undefined)) dateLike++;
    }
    return { dateLike, filled };
  };
  for (let j = 0; j < header.length; j++) {
    const name = header[j].toLowerCase();
    if (!DATE_COLUMN_NAMES.includes(name) && !DATE_WORD.test(name)) continue;
    const { dateLike, filled } = share(j, true);
    if (filled > 0 && dateLike * 2 >= filled) return header[j];
  }
  for (let j = 0; j < header.length; j++) {
    const { dateLike, filled } = share(j);
    if (filled > 0 && dateLike === filled) return header[j];
  }
  return undefined;
}

/**
 * The column to blame when no column's values look like dates: the first one named like the date
 * column (DATE_COLUMN_NAMES, or the word `date`/`dt`) that has values. Its dates are in a form Mixwise
 * does not read ("Jan 25, 2021"), so reporting it as the date column gives the error `--date COL`
 * gives (the column cannot be read, with the fix), not "no column looks like dates".
 * @param header column names
 * @param rows data rows (cells aligned with header)
 * @returns the column name, or undefined when no column with values is named like a date
 * @example namedDateColumn(['time', 'revenue'], [['Jan 25, 2021', '5']]) // 'time'
 */
export function namedDateColumn(header: readonly string[], rows: readonly (readonly string[])[]): string | undefined {
  return header.find((h, j) => {
    const name = h.toLowerCase();
    return (DATE_COLUMN_NAMES.includes(name) || DATE_WORD.test(name)) && rows.some((r) => (r[j] ?? '').trim() !== '');
  });
}
