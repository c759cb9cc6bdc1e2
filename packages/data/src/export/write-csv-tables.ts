import { join } from 'node:path';
import { writeCsvAtomic } from '../write/write-csv.ts';
import type { ExportTable } from './export-table.ts';

/**
 * Writes each table to `<folder>/<table>.csv` with writeCsvAtomic: a header of the column names,
 * comma-separated, RFC 4180 quoting, `\n` line endings, NULL as an empty cell, dates as ISO text,
 * numbers in their shortest round-trip form. Each file is written atomically.
 * @param folder an existing folder
 * @param tables tables built with exportTable
 * @returns the written paths, in table order
 * @throws the file-system error (e.g. ENOENT for a missing folder)
 * @example await writeCsvTables('out/exports/csv', exportTables(model)) // ['out/exports/csv/model_performance.csv', …]
 */
export async function writeCsvTables(folder: string, tables: readonly ExportTable[]): Promise<string[]> {
  const paths: string[] = [];
  for (const t of tables) {
    const path = join(folder, `${t.name}.csv`);
    await writeCsvAtomic(path, t.columns.map((c) => c.name), t.rows);
    paths.push(path);
  }
  return paths;
}
