import type { CsvTable } from '../read/read-csv.ts';

/**
 * The fix of a DUPLICATE_DATE error. A row identical in every cell to the date's first row is a copy:
 * adding the two up would double that period, so the only fix is to delete it. Rows that differ may
 * each hold part of the period (add them up) or be an outdated version (delete one); the hint names
 * the columns where they differ so the user can tell which.
 * @param csv the parsed cells
 * @param first index into csv.rows of the date's first row
 * @param repeat index into csv.rows of the row that repeats its date
 * @example duplicateDateHint(csv, 19, 20) // 'delete the repeated row: it is an exact copy of row 21 (…)'
 */
export function duplicateDateHint(csv: CsvTable, first: number, repeat: number): string {
  const a = csv.rows[first];
  const b = csv.rows[repeat];
  const differ = csv.header.filter((_, j) => (a[j] ?? '').trim() !== (b[j] ?? '').trim());
  const firstRow = csv.rowNumbers[first];
  if (differ.length === 0) {
    return `delete the repeated row: it is an exact copy of row ${firstRow} (adding the two up would count that period twice)`;
  }
  const shown = differ.length > 5 ? `${differ.slice(0, 5).join(', ')}, … (${differ.length} columns)` : differ.join(', ');
  return `keep one row per period: this row differs from row ${firstRow} in ${shown}; if each row holds part of the period's figures, add them up into one row, `
    + 'otherwise delete the one that is wrong or out of date';
}
