import type { IssueLocation } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { parseDate } from '../read/date.ts';
import { INSERTED_ROW } from './change.ts';
import { summedRowAt, summedRowName } from './summed-rows.ts';

/** The rows and file lines of a table: all that naming one of its rows needs. */
type Rows = Pick<CsvTable, 'rows' | 'rowNumbers' | 'summedRows'>;

/** fill_gaps writes an inserted period's date as yyyy-mm-dd; no other cell of an inserted row looks like this. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether data row i is a period that fill_gaps inserted (it is not in the user's file: no line).
 * @example isInsertedRow({ rowNumbers: [2, INSERTED_ROW] }, 1) // true
 */
export function isInsertedRow(csv: Pick<CsvTable, 'rowNumbers'>, i: number): boolean {
  return csv.rowNumbers[i] === INSERTED_ROW;
}

/**
 * A data row in words, for messages: its file line, or for a period fill_gaps inserted its date
 * (the week or day, from the step to a neighbouring row), since it has no line in the file, or for
 * a row sum_panel added up its date and lines (summedRowName).
 * @example rowName(csv, 4) // 'row 6'
 * @example rowName(filled, 2) // 'the week 2024-01-15 that fill_gaps inserted (it is not in the file)'
 */
export function rowName(csv: Rows, i: number): string {
  const summed = summedRowAt(csv, csv.rowNumbers[i]);
  if (summed !== undefined) return summedRowName(summed);
  if (!isInsertedRow(csv, i)) return `row ${csv.rowNumbers[i]}`;
  const j = csv.rows[i].findIndex((cell) => ISO_DATE.test(cell) && parseDate(cell).ok);
  if (j < 0) return 'a period that fill_gaps inserted (it is not in the file)';
  return `the ${periodWord(csv, i, j)} ${csv.rows[i][j]} that fill_gaps inserted (it is not in the file)`;
}

/**
 * Where an issue on data row i of a column is: the file line for a row of the file; for a period
 * fill_gaps inserted, no row (it has no line) and the message says which period it is instead; for
 * a row sum_panel added up, no row either (its line is one geo's row) and the message names its date and lines.
 * @param csv the table (cleaned or not)
 * @param i the data row's index in csv.rows
 * @param column the column the issue is about
 * @param message what is wrong
 * @example rowIssuePlace(filled, 2, 'price', 'the control value is empty')
 * // { message: 'in the week 2024-01-15 that fill_gaps inserted (it is not in the file): the control value is empty', at: { column: 'price' } }
 */
export function rowIssuePlace(csv: Rows, i: number, column: string, message: string): { message: string; at: IssueLocation } {
  if (!isInsertedRow(csv, i) && summedRowAt(csv, csv.rowNumbers[i]) === undefined) return { message, at: { row: csv.rowNumbers[i], column } };
  return { message: `in ${rowName(csv, i)}: ${message}`, at: { column } };
}

/** 'week' or 'day' from the step between row i's date (cell j) and a neighbour's; 'period' when it cannot be told. */
function periodWord(csv: Rows, i: number, j: number): string {
  const own = parseDate(csv.rows[i][j]);
  if (!own.ok) return 'period';
  for (const k of [i - 1, i + 1]) {
    const other = k >= 0 && k < csv.rows.length ? parseDate(csv.rows[k][j] ?? '') : undefined;
    if (other === undefined || !other.ok) continue;
    const step = Math.abs(own.days - other.days);
    if (step === 7) return 'week';
    if (step === 1) return 'day';
  }
  return 'period';
}
