import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigRun, Issue, LoadedConfig } from '@mixwise/data';
import { sourcesTable, writeCsvAtomic } from '@mixwise/data';

/** The file, in the output folder, that holds the table built from a config's `sources`. */
export const SOURCES_TABLE_FILE = 'datamart_table.csv';

/**
 * When the config has a `sources` key, builds the wide table through the DuckDB datamart
 * (sourcesTable), writes it as OUT/datamart_table.csv and returns the run with that file as its data,
 * so prepare and fit continue exactly as for a wide file. Without `sources`, returns the run unchanged.
 * @param loaded the config
 * @param run configToRun(loaded)
 * @param outDir absolute output folder (created when missing)
 * @param database keep the datamart's staging, intermediate and mart tables in this `.duckdb` file (default: in memory)
 * @returns the run to use and the datamart's warnings ([] without sources)
 * @throws DataError with the datamart's located issues (file, line, column)
 * @example (await runWithSources(loaded, run, '/tmp/x')).run.dataPath // '/tmp/x/datamart_table.csv'
 */
export async function runWithSources(loaded: LoadedConfig, run: ConfigRun, outDir: string, database?: string): Promise<{ run: ConfigRun; warnings: Issue[] }> {
  const sources = loaded.config.sources;
  if (sources === undefined) return { run, warnings: [] };
  const built = await sourcesTable(sources, loaded.dir, {
    ...(run.granularity === undefined ? {} : { granularity: run.granularity }),
    ...(database === undefined ? {} : { database }),
  });
  await mkdir(outDir, { recursive: true });
  const dataPath = join(outDir, SOURCES_TABLE_FILE);
  await writeCsvAtomic(dataPath, built.columns, built.rows);
  return { run: { ...run, dataPath }, warnings: built.issues };
}
