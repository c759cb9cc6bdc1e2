import type { CsvTable } from '../read/read-csv.ts';
import { parseDate } from '../read/date.ts';
import { strayDateRows } from './stray-date-rows.ts';

/** One row whose date could be read. */
export interface DatedRow {
  /** 0-based index into csv.rows. */
  index: number;
  /** File line. */
  row: number;
  iso: string;
  /** Days since 1970-01-01. */
  days: number;
}

/**
 * The rows whose date cell is a valid date, in file order (rows with a bad date are left out:
 * unparseableDates reports them; so are rows whose date is a probable typo, strayDateRows, which
 * implausibleDates reports, so that a typo is one error rather than a gap and an order error).
 * @param csv the parsed cells
 * @param column the date column
 * @returns [] when the column is not in the file
 * @example datedRows(csv, 'date')[0] // { index: 0, row: 2, iso: '2024-01-01', days: 19723 }
 */
export function datedRows(csv: CsvTable, column: string): DatedRow[] {
  const j = csv.header.indexOf(column);
  if (j < 0) return [];
  const stray = new Set(strayDateRows(csv, column).map((s) => s.index));
  const out: DatedRow[] = [];
  csv.rows.forEach((r, i) => {
    const p = parseDate(r[j]);
    if (p.ok && !stray.has(i)) out.push({ index: i, row: csv.rowNumbers[i], iso: p.iso, days: p.days });
  });
  return out;
}
