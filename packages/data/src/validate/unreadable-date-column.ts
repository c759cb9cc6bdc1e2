import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { DatePattern, DatePatternKind } from '../read/date-pattern.ts';
import { parseDate } from '../read/date.ts';
import { datePattern } from '../read/date-pattern.ts';
import { makeIssue } from './make-issue.ts';
import { rewriteDatesQuery } from './rewrite-dates-query.ts';

/** The fix for dates that are not in any form Mixwise reads or recognises. */
export const DATE_FORMAT_HINT = 'write dates as yyyy-mm-dd (e.g. 2024-01-31); in a spreadsheet, format the column as yyyy-mm-dd before exporting';

/**
 * One error for a date column most of whose values cannot be read (parseDate: 'unrecognized'), instead
 * of one per row: UNSUPPORTED_DATE_FORMAT naming the column, a sample value, the pattern recognised
 * (datePattern: a UTC offset, a time of day, Excel serial numbers, yyyymmdd) with why it is not read
 * and a DuckDB statement or spreadsheet step that rewrites it; INVALID_DATE when no pattern is recognised.
 * @param csv the parsed cells
 * @param column the date column
 * @returns the issue, or undefined when at most half of the non-empty values fail (each is then a row error)
 * @example unreadableDateColumn(csv, 'date')?.message
 * // 'the date column "date" is written yyyymmdd (156 of 156 values, e.g. "20220103" on row 2), which Mixwise does not read: yyyymmdd without separators reads as a number, not a date'
 */
export function unreadableDateColumn(csv: CsvTable, column: string): Issue | undefined {
  const j = csv.header.indexOf(column);
  if (j < 0) return undefined;
  // Rows a large-file scan left out all hold a readable yyyy-mm-dd date.
  let filled = csv.omittedRows ?? 0;
  const failed: { index: number; text: string; pattern?: DatePattern }[] = [];
  csv.rows.forEach((r, index) => {
    const text = (r[j] ?? '').trim();
    if (text === '') return;
    filled++;
    const p = parseDate(text);
    if (!p.ok && p.reason === 'unrecognized') failed.push({ index, text, pattern: datePattern(text) });
  });
  if (failed.length * 2 <= filled) return undefined;
  const byKind = new Map<DatePatternKind, typeof failed>();
  for (const f of failed) if (f.pattern !== undefined) byKind.set(f.pattern.kind, [...(byKind.get(f.pattern.kind) ?? []), f]);
  const [kind, rows] = [...byKind.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  const sample = rows?.[0] ?? failed[0];
  const at = { file: csv.file, row: csv.rowNumbers[sample.index], column };
  const shown = `"${sample.text}" on row ${at.row}`;
  if (kind === undefined || rows === undefined || rows.length * 2 < failed.length || sample.pattern === undefined) {
    return makeIssue('INVALID_DATE', 'error',
      `the date column "${column}" cannot be read: ${failed.length} of ${filled} values are not dates (e.g. ${shown})`,
      `${DATE_FORMAT_HINT}; or, if "${column}" is not the date column, name the date column with --date COL`, at);
  }
  return makeIssue('UNSUPPORTED_DATE_FORMAT', 'error',
    `the date column "${column}" is written as ${sample.pattern.pattern} (${rows.length} of ${filled} values, e.g. ${shown}), which Mixwise does not read: ${sample.pattern.reason}`,
    datePatternFix(csv.file, column, kind, rows.some((r) => r.text.includes('.'))), at);
}

/**
 * How to rewrite dates of a recognised pattern as yyyy-mm-dd: a DuckDB statement and a spreadsheet step.
 * @param file the CSV file (named in the DuckDB statement)
 * @param column the date column
 * @param kind the pattern (datePattern)
 * @param fraction for Excel serials: whether some have a fraction (a time of day)
 * @example datePatternFix('d.csv', 'date', 'excel-serial', false) // "convert the serial numbers to dates, e.g. with DuckDB: COPY (… date '1899-12-30' + CAST("date" AS INTEGER) …"
 */
export function datePatternFix(file: string, column: string, kind: DatePatternKind, fraction = false): string {
  const duck = (toDate: (q: string) => string): string => `with DuckDB: ${rewriteDatesQuery(file, column, toDate)}`;
  switch (kind) {
    case 'utc-offset':
      return `keep the calendar date as written (the first 10 characters), e.g. ${duck((q) => `CAST(left(${q}, 10) AS DATE)`)}; in a spreadsheet, =LEFT(A2, 10) in a new column; or write the times with Z (2024-01-01T00:00:00Z)`;
    case 'time-of-day':
      return `give each row a calendar day: if each row is one day or week, keep the date part (the first 10 characters), e.g. ${duck((q) => `CAST(left(${q}, 10) AS DATE)`)}; in a spreadsheet, =LEFT(A2, 10) in a new column; if there are several rows a day (hourly data), add them up per day first`;
    case 'excel-serial':
      return `convert the serial numbers to dates, e.g. ${duck((q) => `date '1899-12-30' + ${fraction ? `CAST(floor(CAST(${q} AS DOUBLE)) AS INTEGER)` : `CAST(${q} AS INTEGER)`}`)}; in a spreadsheet, format the column as a date (yyyy-mm-dd) before exporting`;
    case 'compact':
      return `add the separators, e.g. ${duck((q) => `strptime(${q}, '%Y%m%d')`)}; in a spreadsheet, =DATE(LEFT(A2, 4), MID(A2, 5, 2), RIGHT(A2, 2)) formatted as yyyy-mm-dd`;
  }
}
