import { join } from 'node:path';
import type { MmmModel } from '@mixwise/engine';
import { exportTables, type ExportTablesOptions } from './export-tables.ts';
import { writeSqlite } from './write-sqlite.ts';
import { writeCsvTables } from './write-csv-tables.ts';
import { writeParquetTables } from './write-parquet.ts';
import { exportPaths, publishExport } from './publish-export.ts';

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
 * (all checked before anything is written), writes `results.sqlite`, `exports/csv/<table>.csv` and
 * `exports/parquet/<table>.parquet` into a staging folder inside the run folder, then swaps them in
 * (publishExport): the three formats change together or not at all, and a failure leaves the previous
 * export exactly as it was. CSV and Parquet files of tables not in this export (left by an earlier
 * export into the same folder) are gone afterwards, so the three formats agree; other files in those
 * folders are kept. Tables and columns are documented in docs/exports.md.
 * @param outDir the run folder; it must exist (a missing folder fails with ENOENT before anything is written)
 * @param model the fitted model
 * @param options the summary and decomposition already written to summary.json / decomposition.csv
 *   (so the exports match them exactly), and extra tables such as budget_scenarios or optimization
 * @param beforeSwap called once the new export is complete in its staging folder (built, and the user's
 *   own files in exports/csv and exports/parquet copied over), just before it is swapped in (a run folder
 *   marks itself incomplete there, so the mark covers only the switch-over); a throw cancels the export
 * @returns the written paths
 * @throws RangeError for an invalid extra table (nothing written); ExportWriteError (naming the run
 *   folder's paths, with the cause's file-system code) when writing or swapping fails
 * @example (await exportRun('out/run', model, { summary })).sqlite // 'out/run/results.sqlite'
 */
export async function exportRun(outDir: string, model: MmmModel, options: ExportTablesOptions = {}, beforeSwap?: () => Promise<void>): Promise<ExportRunResult> {
  const tables = exportTables(model, options);
  await publishExport(outDir, async (staged) => {
    await writeSqlite(staged.sqlite, tables);
    await writeCsvTables(staged.csvDir, tables);
    await writeParquetTables(staged.parquetDir, tables);
  }, beforeSwap);
  const { sqlite, csvDir, parquetDir } = exportPaths(outDir);
  const names = tables.map((t) => t.name);
  const file = (folder: string, ext: string): string[] => names.map((n) => join(folder, `${n}${ext}`));
  return { sqlite, csvDir, parquetDir, csv: file(csvDir, '.csv'), parquet: file(parquetDir, '.parquet'), tables: names };
}
