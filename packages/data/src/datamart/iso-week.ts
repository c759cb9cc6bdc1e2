import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { isoFromDays } from '../read/date.ts';
import { makeIssue } from '../validate/make-issue.ts';

const ISO_WEEK = /^(\d{4})-?W(\d{1,2})(?:-?([1-7]))?$/i;

/**
 * One ISO_WEEK_DATES error when a date column holds ISO week labels (2021-W01, 2021W01, 2021-W01-1)
 * rather than dates, naming the first label and the Monday it stands for (ISO 8601: week 1 is the week
 * with the year's first Thursday).
 * @param csv the parsed file
 * @param column the date column
 * @returns the error, or undefined when no cell is an ISO week label
 * @example isoWeekIssue(csv, 'date')?.hint // 'write the Monday of each week as yyyy-mm-dd (2021-W01 is 2021-01-04) …'
 */
export function isoWeekIssue(csv: CsvTable, column: string): Issue | undefined {
  const j = csv.header.indexOf(column);
  if (j < 0) return undefined;
  const i = csv.rows.findIndex((r) => ISO_WEEK.test((r[j] ?? '').trim()));
  if (i < 0) return undefined;
  const text = csv.rows[i][j].trim();
  const n = csv.rows.filter((r) => ISO_WEEK.test((r[j] ?? '').trim())).length;
  const monday = isoWeekMonday(text);
  return makeIssue('ISO_WEEK_DATES', 'error',
    `the ${column} column holds ISO week labels ("${text}", ${n} of ${csv.rows.length + (csv.omittedRows ?? 0)} rows), not dates`,
    `write the Monday of each week as yyyy-mm-dd (${text} is ${monday}), and keep week_start: monday; e.g. with DuckDB: strftime(strptime(${column}, '%G-W%V-%u'), '%Y-%m-%d') after appending '-1' to each label`,
    { file: csv.file, row: csv.rowNumbers[i], column });
}

/**
 * The Monday (yyyy-mm-dd) of an ISO week label.
 * @example isoWeekMonday('2021-W01') // '2021-01-04'
 */
export function isoWeekMonday(label: string): string {
  const m = ISO_WEEK.exec(label.trim());
  if (m === null) return '';
  const year = Number(m[1]);
  const jan4 = Date.UTC(year, 0, 4) / 86_400_000;
  const weekday = (new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7; // Monday = 0
  return isoFromDays(jan4 - weekday + 7 * (Number(m[2]) - 1));
}
