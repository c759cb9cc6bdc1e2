/**
 * A table for BI tools (Power BI, Tableau, Excel): fixed, typed, snake_case columns and plain rows.
 * The same ExportTable is written to SQLite, CSV and Parquet, so the three always agree.
 */

/**
 * Column types and how each format stores them:
 * - `text`: SQLite TEXT, Parquet VARCHAR, CSV text.
 * - `integer`: SQLite INTEGER, Parquet INTEGER (32-bit), CSV digits.
 * - `real`: SQLite REAL, Parquet DOUBLE, CSV shortest round-trip decimal.
 * - `date`: ISO `yyyy-mm-dd`; SQLite TEXT (SQLite has no date type: https://www.sqlite.org/datatype3.html §2.2),
 *   Parquet DATE, CSV text.
 */
export type ExportColumnType = 'text' | 'integer' | 'real' | 'date';

export interface ExportColumn {
  /** snake_case: `[a-z][a-z0-9_]*`. */
  readonly name: string;
  readonly type: ExportColumnType;
}

/** A cell: text (text and date columns), a number (integer and real columns), or null (SQL NULL, empty CSV cell). */
export type ExportCell = string | number | null;

export interface ExportTable {
  /** snake_case table name; also the CSV and Parquet file name. */
  readonly name: string;
  readonly columns: readonly ExportColumn[];
  /** Rows of columns.length cells. Numbers are finite (NaN/±Infinity become null in exportTable). */
  readonly rows: readonly (readonly ExportCell[])[];
}

const SNAKE_CASE = /^[a-z][a-z0-9_]*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Builds a checked export table: names must be snake_case and unique, every row must have one cell
 * per column, and each cell must fit its column's type. NaN and ±Infinity in numeric columns become
 * null (SQL NULL / an empty CSV cell), since none of SQLite, CSV or BI tools hold them reliably.
 * @param name table name (snake_case)
 * @param columns column names and types, in order
 * @param rows the rows, each with columns.length cells
 * @returns the table with non-finite numbers replaced by null
 * @throws RangeError naming the table, row and column for a bad name, a ragged row or a cell of the wrong type
 * @example exportTable('t', [{ name: 'x', type: 'real' }], [[NaN], [1.5]]).rows // [[null], [1.5]]
 */
export function exportTable(name: string, columns: readonly ExportColumn[], rows: readonly (readonly ExportCell[])[]): ExportTable {
  if (!SNAKE_CASE.test(name)) throw new RangeError(`exportTable: table name "${name}" is not snake_case`);
  const seen = new Set<string>();
  for (const c of columns) {
    if (!SNAKE_CASE.test(c.name)) throw new RangeError(`exportTable: ${name}: column name "${c.name}" is not snake_case`);
    if (seen.has(c.name)) throw new RangeError(`exportTable: ${name}: two columns are named "${c.name}"`);
    seen.add(c.name);
  }
  const clean = rows.map((row, i) => {
    if (row.length !== columns.length) {
      throw new RangeError(`exportTable: ${name}: row ${i} has ${row.length} cells, expected ${columns.length}`);
    }
    return row.map((cell, j) => checkCell(cell, columns[j], () => `exportTable: ${name}: row ${i} column "${columns[j].name}"`));
  });
  return { name, columns, rows: clean };
}

function checkCell(cell: ExportCell, column: ExportColumn, where: () => string): ExportCell {
  if (cell === null) return null;
  switch (column.type) {
    case 'text':
      if (typeof cell !== 'string') throw new RangeError(`${where()}: expected text, got ${cell}`);
      return cell;
    case 'date':
      if (typeof cell !== 'string' || !ISO_DATE.test(cell)) throw new RangeError(`${where()}: expected an ISO date yyyy-mm-dd, got ${String(cell)}`);
      return cell;
    case 'integer':
      if (typeof cell !== 'number') throw new RangeError(`${where()}: expected an integer, got "${cell}"`);
      if (!Number.isFinite(cell)) return null;
      if (!Number.isSafeInteger(cell) || Math.abs(cell) > 2 ** 31 - 1) throw new RangeError(`${where()}: ${cell} is not a 32-bit integer`);
      return cell === 0 ? 0 : cell;
    case 'real':
      if (typeof cell !== 'number') throw new RangeError(`${where()}: expected a number, got "${cell}"`);
      return Number.isFinite(cell) ? (cell === 0 ? 0 : cell) : null;
  }
}
