import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ModelingTable } from '@mixwise/engine';
import { wideTable } from '../write/wide-table.ts';
import { writeCsvAtomic } from '../write/write-csv.ts';
import { sqlString } from '../validate/duckdb-hint.ts';

/** The files prepare writes for a modeling table. */
export interface ModelingTableFiles {
  csv: string;
  parquet: string;
}

/**
 * Writes a modeling table as `modeling_table.csv` (wideTable layout: date, target, `<channel>_spend`,
 * `<channel>_exposure`, controls, events, so `mixwise fit` reads it back) and the same table as
 * `modeling_table.parquet` (date as DATE, every other column DOUBLE), both atomically. The Parquet file
 * is written by DuckDB (an in-memory instance, extension auto-install and auto-load off, so nothing is
 * downloaded) from the CSV just written into a temporary file that is then renamed into place.
 * @param table the modeling table
 * @param outDir an existing folder
 * @returns the two paths
 * @throws file-system errors; DuckDB errors (e.g. a full disk)
 * @example await writeModelingTable(table, 'prepared') // { csv: 'prepared/modeling_table.csv', parquet: 'prepared/modeling_table.parquet' }
 */
export async function writeModelingTable(table: ModelingTable, outDir: string): Promise<ModelingTableFiles> {
  const wide = wideTable(table);
  const csv = join(outDir, 'modeling_table.csv');
  const parquet = join(outDir, 'modeling_table.parquet');
  await writeCsvAtomic(csv, wide.columns, wide.rows);
  const types = wide.columns.map((name, j) => `${sqlString(name)}: '${j === 0 ? 'DATE' : 'DOUBLE'}'`).join(', ');
  const temp = join(dirname(parquet), `.${basename(parquet)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  let renamed = false;
  try {
    const connection = await instance.connect();
    try {
      await connection.run(`COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${types}}))`
        + ` TO ${sqlString(temp)} (FORMAT PARQUET)`);
    } finally {
      connection.closeSync();
    }
    await rename(temp, parquet);
    renamed = true;
  } finally {
    instance.closeSync();
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
  return { csv, parquet };
}

