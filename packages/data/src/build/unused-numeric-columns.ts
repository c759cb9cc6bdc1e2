import type { CsvTable } from '../read/read-csv.ts';
import { parseNumber } from '../read/parse-number.ts';

/**
 * Columns that no role uses and whose values are numbers (empty and NA-like cells aside), or mostly
 * numbers with a few bad cells (a typo must not make a driver vanish unreported): the candidates for
 * controls that the user may have forgotten.
 * @param csv the table read from the file
 * @param used the columns given a role (date, target, channels, controls, events)
 * @returns column names in file order
 * @example unusedNumericColumns(csv, new Set(['date', 'y', 'tv_spend'])) // ['price']
 */
export function unusedNumericColumns(csv: CsvTable, used: ReadonlySet<string>): string[] {
  return csv.header.filter((name) => !used.has(name) && (isNumericColumn(csv, name) || isMostlyNumericColumn(csv, name)));
}

/**
 * Whether more than half of a column's filled cells are numbers but some are not (`abc`, `yes`): a
 * numeric column with typos rather than a text column.
 * @example isMostlyNumericColumn(csv, 'price') // true when one of 20 prices is "abc"
 */
export function isMostlyNumericColumn(csv: CsvTable, column: string): boolean {
  const j = csv.header.indexOf(column);
  if (j < 0) return false;
  let numbers = 0;
  let bad = 0;
  for (const r of csv.rows) {
    const p = parseNumber(r[j], csv.delimiter);
    if (p.ok) numbers++;
    else if (p.reason !== 'empty' && p.reason !== 'missing') bad++;
  }
  return bad > 0 && numbers > bad;
}

/**
 * The first cell of a column that is filled but not a number, with its file line.
 * @example firstBadCell(csv, 'price') // { row: 8, value: 'abc' }
 */
export function firstBadCell(csv: CsvTable, column: string): { row: number; value: string } | undefined {
  const j = csv.header.indexOf(column);
  const i = csv.rows.findIndex((r) => { const p = parseNumber(r[j], csv.delimiter); return !p.ok && p.reason !== 'empty' && p.reason !== 'missing'; });
  return i < 0 ? undefined : { row: csv.rowNumbers[i], value: csv.rows[i][j] };
}

/**
 * Whether a column's values are all numbers (empty and NA-like cells aside) and at least one is there.
 * @param csv the table read from the file
 * @param column a column of csv.header
 * @example isNumericColumn(csv, 'price') // true
 */
export function isNumericColumn(csv: CsvTable, column: string): boolean {
  const j = csv.header.indexOf(column);
  if (j < 0) return false;
  let numbers = 0;
  for (const r of csv.rows) {
    const p = parseNumber(r[j], csv.delimiter);
    if (p.ok) numbers++;
    else if (p.reason !== 'empty' && p.reason !== 'missing') return false;
  }
  return numbers > 0;
}

/**
 * Whether every non-empty cell of a column is 0 or 1 and at least one is 1 (a candidate event dummy).
 * @param csv the table read from the file
 * @param column a column of csv.header
 * @param options complete: also require every cell to be filled (for automatic event detection)
 * @example isDummyColumn(csv, 'promo') // true
 */
export function isDummyColumn(csv: CsvTable, column: string, options: { complete?: boolean } = {}): boolean {
  const j = csv.header.indexOf(column);
  let ones = 0;
  for (const r of csv.rows) {
    const p = parseNumber(r[j], csv.delimiter);
    if (!p.ok) {
      if ((p.reason === 'empty' || p.reason === 'missing') && options.complete !== true) continue;
      return false;
    }
    if (p.value !== 0 && p.value !== 1) return false;
    if (p.value === 1) ones++;
  }
  return ones > 0;
}
