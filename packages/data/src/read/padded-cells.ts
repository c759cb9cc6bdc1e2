// Cells the CSV reader trimmed: every cell is read without the spaces around it, which is right for numbers
// and dates but changes a name ("north " is read as "north"). Kept per column so a check on names can say so.

/** Distinct texts kept per column, and lines kept per text: a file padding every cell stays small. */
const MAX_TEXTS = 50;
const MAX_LINES = 5;

/** One text as written with spaces around it, the file lines it is on (the first few) and how many rows. */
export interface PaddedCell {
  /** The cell as written, spaces included. */
  readonly written: string;
  /** The text used: the cell trimmed. */
  readonly used: string;
  /** The first file lines with it (up to 5). */
  readonly lines: readonly number[];
  /** The rows with it. */
  readonly rows: number;
}

/**
 * The cells of each column that had spaces (or tabs) around them, by column name: the distinct texts
 * as written (up to 50 per column, in file order) with their lines. Only columns with such a cell.
 * @param header the column names, as the rows' cells are ordered
 * @param records each data row's untrimmed cells that differ from their trimmed text, [column index, text], and its line
 * @example paddedCells(['date', 'geo'], [{ padded: [[1, 'north ']], line: 2 }]).get('geo') // [{ written: 'north ', used: 'north', lines: [2], rows: 1 }]
 */
export function paddedCells(header: readonly string[], records: readonly { readonly padded?: readonly (readonly [number, string])[]; readonly line: number }[]): Map<string, PaddedCell[]> {
  const counter = new PaddedCellCounter();
  for (const r of records) for (const [j, written] of r.padded ?? []) counter.add(header[j], written, r.line);
  return counter.result();
}

/**
 * paddedCells one cell at a time, for a reader that does not keep its rows (the large-file source scan):
 * the same texts, lines and counts, in memory bounded by the caps.
 * @example const c = new PaddedCellCounter(); c.add('geo', 'north ', 7); c.result().get('geo') // [{ written: 'north ', used: 'north', lines: [7], rows: 1 }]
 */
export class PaddedCellCounter {
  private readonly byColumn = new Map<string, Map<string, { lines: number[]; rows: number }>>();

  /** Counts one cell written with spaces around it, in column `column` at file line `line`. */
  add(column: string | undefined, written: string, line: number): void {
    if (column === undefined || column === '') return;
    const texts = this.byColumn.get(column) ?? new Map<string, { lines: number[]; rows: number }>();
    this.byColumn.set(column, texts);
    const seen = texts.get(written);
    if (seen === undefined) {
      if (texts.size < MAX_TEXTS) texts.set(written, { lines: [line], rows: 1 });
      return;
    }
    seen.rows++;
    if (seen.lines.length < MAX_LINES) seen.lines.push(line);
  }

  /** The padded texts counted, by column (only columns with one). */
  result(): Map<string, PaddedCell[]> {
    return new Map([...this.byColumn].map(([column, texts]) => [column, [...texts].map(([written, s]) => ({ written, used: written.trim(), lines: s.lines, rows: s.rows }))]));
  }
}
