import type { CsvTable } from '../../read/read-csv.ts';
import type { Issue } from '../../issue.ts';
import type { Change, CleaningRoles, StepResult } from '../change.ts';
import { changeRow } from '../change.ts';
import { DataError } from '../../issue.ts';
import { parseDate } from '../../read/date.ts';
import { makeIssue } from '../../validate/make-issue.ts';
import { copyTable } from '../copy-table.ts';

/** A decimal comma: digits, one comma, digits (`1234,5`, `0,125`, `1,540`, `,5`). */
const COMMA_DECIMAL = /^([+-]?)(\d*),(\d+)$/;
/** A decimal comma after '.' thousands groups (`1.234,5`): a '.' before a comma can only be grouping. */
const DOT_GROUPED = /^([+-]?)(\d{1,3}(?:\.\d{3})+),(\d+)$/;
/** A cell made of digits, '.' and ',' only (with a sign): a number in some convention. Text is left alone. */
const NUMBER_LIKE = /^[+-]?[\d.,]*\d[\d.,]*$/;

/** At most this many refused cells are listed per column (the count says how many there are). */
const MAX_REFUSED = 5;

/**
 * Cleaning step 'decimal-comma' (opt-in: `--clean decimal_comma`): in a semicolon-separated file (the
 * European CSV convention, whose decimal separator is the comma, so a comma there is never a field
 * separator nor, unless the column shows otherwise, a thousands one), rewrites each decimal comma as a
 * decimal point: `1234,5` → `1234.5`, and `1.234,5` → `1234.5` when '.' is a thousands separator in
 * every value of the column that has one. Every column but the date is looked at; a column with no
 * decimal comma is left as it is. A column is refused (nothing changed anywhere) when a value with a
 * comma sits beside one the comma cannot be the decimal point of, so that which separator is which
 * cannot be told: a '.' without a comma (`12.5`, `1.234`) or comma grouping (`1,234,567`, `1,234.5`).
 * Each changed cell is one change; text cells (`NA`, `abc`) are left to validation. The columns changed
 * are marked (CsvTable.decimalPointColumns) so that their dots are read as decimal points from then on.
 * @param table the cells
 * @param options roles: the date column (never changed)
 * @returns the table with '.' decimals, and one change per rewritten cell
 * @throws DataError when the file is not semicolon-separated, or with one DECIMAL_COMMA error per
 *   ambiguous cell (up to MAX_REFUSED per column)
 * @example decimalComma(csv, { roles }).changes[0]
 * // { step: 'decimal-comma', column: 'revenue', row: 2, date: '2024-01-01', before: '1234,5', after: '1234.5', reason: 'decimal comma read as a decimal point' }
 */
export function decimalComma(table: CsvTable, options: { roles: CleaningRoles }): StepResult {
  if (table.delimiter !== ';') {
    const kind = table.delimiter === '\t' ? 'tab-separated' : 'comma-separated';
    throw new DataError([makeIssue('DECIMAL_COMMA', 'error',
      `decimal_comma reads decimal commas in a semicolon-separated file only; this file is ${kind}, where a comma in a number may be a thousands separator`,
      'export the file with "." as the decimal point, or save it semicolon-separated with a comma as the decimal point, and run again', { file: table.file })]);
  }
  const dateJ = table.header.indexOf(options.roles.date);
  const out = copyTable(table);
  const changes: Change[] = [];
  const refused: Issue[] = [];
  const rewritten = new Set(table.decimalPointColumns);
  table.header.forEach((column, j) => {
    if (j === dateJ) return;
    const cells = table.rows.map((r) => (r[j] ?? '').trim());
    const first = cells.findIndex((c) => COMMA_DECIMAL.test(c) || DOT_GROUPED.test(c));
    if (first < 0) return;
    const bad = cells.flatMap((c, i) => (NUMBER_LIKE.test(c) && /[.,]/.test(c) && !COMMA_DECIMAL.test(c) && !DOT_GROUPED.test(c) ? [i] : []));
    if (bad.length > 0) {
      refused.push(...bad.slice(0, MAX_REFUSED).map((i) => ambiguous(table, column, i, cells[i], first, cells[first], bad.length)));
      return;
    }
    rewritten.add(column);
    cells.forEach((c, i) => {
      const m = COMMA_DECIMAL.exec(c) ?? DOT_GROUPED.exec(c);
      if (m === null) return;
      const after = `${m[1]}${m[2].replaceAll('.', '')}.${m[3]}`;
      out.rows[i][j] = after;
      const date = dateJ < 0 ? undefined : parseDate(table.rows[i][dateJ] ?? '');
      changes.push({
        step: 'decimal-comma', column, row: changeRow(table, i), date: date?.ok === true ? date.iso : null, before: c, after,
        reason: m[2].includes('.') ? '"." thousands separators removed and the decimal comma read as a decimal point' : 'decimal comma read as a decimal point',
      });
    });
  });
  if (refused.length > 0) throw new DataError(refused);
  return { table: { ...out, decimalPointColumns: rewritten }, changes };
}

/** The error for a cell whose separators cannot be told apart from its column's decimal commas. */
function ambiguous(table: CsvTable, column: string, i: number, cell: string, first: number, example: string, n: number): Issue {
  const others = n > MAX_REFUSED ? ` (${n} such values in this column, ${MAX_REFUSED} listed)` : '';
  return makeIssue('DECIMAL_COMMA', 'error',
    `value "${cell}" does not use the decimal comma of this column ("${example}" on row ${table.rowNumbers[first]}): decimal_comma cannot tell whether its "." or "," is a decimal point or a thousands separator, so it changed nothing${others}`,
    'write the column in one convention (a comma as the decimal point, and "." only as a thousands separator before one, as in 1.234,5), '
    + 'or export the file with "." as the decimal point and no digit grouping and leave out decimal_comma',
    { file: table.file, row: table.rowNumbers[i], column });
}
