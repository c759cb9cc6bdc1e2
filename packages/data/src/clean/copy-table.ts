import type { CsvTable } from '../read/read-csv.ts';

/**
 * A copy of a table whose rows can be edited without touching the original.
 * @example copyTable(csv).rows[0] !== csv.rows[0] // true
 */
export function copyTable(table: CsvTable): CsvTable {
  return { ...table, header: [...table.header], rows: table.rows.map((r) => [...r]), rowNumbers: [...table.rowNumbers], warnings: [...table.warnings] };
}
