import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { MmmModel } from '@mixwise/engine';
import { exportTables, type ExportTablesOptions } from './export-tables.ts';
import { writeSqlite } from './write-sqlite.ts';
import { writeCsvTables } from './write-csv-tables.ts';
import { writeParquetTables } from './write-parquet.ts';

/** Where exportRun wrote each format. */
export interface ExportRunResult {
  /** `<outDir>/results.sqlite`, every table in one SQLite file. */
  readonly sqlite: string;
  /** `<outDir>/exports/csv`. */
  readonly csvDir: string;
  /** `<outDir>/exports/parquet`. */
  readonly parquetDir: string;
  /** `<outDir>/exports/csv/<table>.csv`, in table order. */
  readonly csv: readonly string[];
  /** `<outDir>/exports/parquet/<table>.parquet`, in table order. */
  readonly parquet: readonly string[];
  /** Table names, in order. */
  readonly tables: readonly string[];
}

/**
 * Exports a fitted run for BI tools (Power BI, Tableau, Excel): builds the tables of exportTables
 * (all checked before anything is written), then writes `results.sqlite`, `exports/csv/<table>.csv`
 * and `exports/parquet/<table>.parquet` in the run folder. Every file is written atomically (temporary
 * file + rename), so a failure never leaves a half-written file. CSV and Parquet files of tables not
 * in this export (left by an earlier export into the same folder) are removed so the three formats agree.
 * Tables and columns are documented in docs/exports.md.
 * @param outDir the run folder; it must exist (a missing folder fails with ENOENT before anything is written)
 * @param model the fitted model
 * @param options the summary and decomposition already written to summary.json / decomposition.csv
 *   (so the exports match them exactly), and extra tables such as budget_scenarios or optimization
 * @returns the written paths
 * @throws RangeError for an invalid extra table (nothing written); the file-system, SQLite or DuckDB error
 * @example (await exportRun('out/run', model, { summary })).sqlite // 'out/run/results.sqlite'
 */
export async function exportRun(outDir: string, model: MmmModel, options: ExportTablesOptions = {}): Promise<ExportRunResult> {
  const tables = exportTables(model, options);
  const sqlite = join(outDir, 'results.sqlite');
  await writeSqlite(sqlite, tables);
  const csvDir = join(outDir, 'exports', 'csv');
  const parquetDir = join(outDir, 'exports', 'parquet');
  await mkdir(csvDir, { recursive: true });
  await mkdir(parquetDir, { recursive: true });
  const csv = await writeCsvTables(csvDir, tables);
  const parquet = await writeParquetTables(parquetDir, tables);
  const names = tables.map((t) => t.name);
  await removeStale(csvDir, '.csv', names);
  await removeStale(parquetDir, '.parquet', names);
  return { sqlite, csvDir, parquetDir, csv, parquet, tables: names };
}

/** Delete `<folder>/<snake_case>.<ext>` files whose table is not in `keep`. */
async function removeStale(folder: string, ext: string, keep: readonly string[]): Promise<void> {
  for (const entry of await readdir(folder)) {
    if (!entry.endsWith(ext)) continue;
    const name = entry.slice(0, -ext.length);
    if (/^[a-z][a-z0-9_]*$/.test(name) && !keep.includes(name)) await unlink(join(folder, entry));
  }
}
