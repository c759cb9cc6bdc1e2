import type { CsvTable } from '../read/read-csv.ts';
import { parseDate } from '../read/date.ts';

/** A table without the rows after a window's end, and which file lines were left out. */
export interface DroppedRows {
  csv: CsvTable;
  /** File lines of the rows left out, in file order. */
  lines: number[];
}

/**
 * Leaves out the rows dated after `end` (a modeling window's end): they are ignored, so they are
 * neither validated nor used. Rows whose date cannot be read stay (their date error is reported).
 * Row numbers of the remaining rows are kept, so issues still name the file's lines.
 * @param csv the parsed cells
 * @param dateColumn the date column (not in the file: nothing is left out)
 * @param end last date of the window, yyyy-mm-dd
 * @example dropRowsAfter(csv, 'date', '2024-01-08').lines // [4, 5]
 */
export function dropRowsAfter(csv: CsvTable, dateColumn: string, end: string): DroppedRows {
  const j = csv.header.indexOf(dateColumn);
  if (j < 0) return { csv, lines: [] };
  const keep: number[] = [];
  const lines: number[] = [];
  csv.rows.forEach((r, i) => {
    const p = parseDate(r[j]);
    if (p.ok && p.iso > end) lines.push(csv.rowNumbers[i]);
    else keep.push(i);
  });
  if (lines.length === 0) return { csv, lines };
  return { csv: { ...csv, rows: keep.map((i) => csv.rows[i]), rowNumbers: keep.map((i) => csv.rowNumbers[i]) }, lines };
}
