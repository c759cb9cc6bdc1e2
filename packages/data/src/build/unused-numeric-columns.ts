import type { CsvTable } from '../read/read-csv.ts';
import { parseNumber } from '../read/parse-number.ts';

/**
 * Columns that no role uses and whose values are all numbers (empty and NA-like cells aside): the
 * candidates for controls that the user may have forgotten.
 * @param csv the table read from the file
 * @param used the columns given a role (date, target, channels, controls, events)
 * @returns column names in file order
 * @example unusedNumericColumns(csv, new Set(['date', 'y', 'tv_spend'])) // ['price']
 */
export function unusedNumericColumns(csv: CsvTable, used: ReadonlySet<string>): string[] {
  return csv.header.filter((name) => !used.has(name) && isNumericColumn(csv, name));
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
