import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DuckDBDateValue, DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { daysFromIso } from '../read/date.ts';
import type { ExportCell, ExportColumnType, ExportTable } from './export-table.ts';
import { quoteId } from './write-sqlite.ts';

/** DuckDB (and so Parquet) column type per export type. */
export const PARQUET_TYPES: Readonly<Record<ExportColumnType, string>> = { text: 'VARCHAR', integer: 'INTEGER', real: 'DOUBLE', date: 'DATE' };

/**
 * Writes each table to `<folder>/<table>.parquet` through an in-memory DuckDB instance (extension
 * auto-install and auto-load off, so nothing is downloaded): the table is created with explicit
 * types (PARQUET_TYPES), filled with an appender, then `COPY … TO (FORMAT PARQUET)` writes a
 * temporary file in the same folder that is fsynced and renamed over the target. A failure leaves
 * no temporary file and no half-written Parquet file.
 * @param folder an existing folder
 * @param tables tables built with exportTable
 * @returns the written paths, in table order
 * @throws the DuckDB or file-system error (e.g. a missing folder)
 * @example await writeParquetTables('out/exports/parquet', exportTables(model)) // ['out/exports/parquet/model_performance.parquet', …]
 */
export async function writeParquetTables(folder: string, tables: readonly ExportTable[]): Promise<string[]> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  try {
    const connection = await instance.connect();
    try {
      const paths: string[] = [];
      for (const t of tables) paths.push(await writeOne(connection, folder, t));
      return paths;
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

async function writeOne(connection: DuckDBConnection, folder: string, t: ExportTable): Promise<string> {
  const table = quoteId(t.name);
  await connection.run(`CREATE TABLE ${table} (${t.columns.map((c) => `${quoteId(c.name)} ${PARQUET_TYPES[c.type]}`).join(', ')})`);
  const appender = await connection.createAppender(t.name);
  try {
    for (const row of t.rows) {
      row.forEach((cell, j) => append(appender, cell, t.columns[j].type));
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const path = join(folder, `${t.name}.parquet`);
  const temp = join(folder, `.${t.name}.parquet.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let renamed = false;
  try {
    await connection.run(`COPY ${table} TO '${temp.replaceAll("'", "''")}' (FORMAT PARQUET)`);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    renamed = true;
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
  await connection.run(`DROP TABLE ${table}`);
  return path;
}

function append(appender: DuckDBAppender, cell: ExportCell, type: ExportColumnType): void {
  if (cell === null) appender.appendNull();
  else if (type === 'date') appender.appendDate(new DuckDBDateValue(daysFromIso(cell as string)));
  else if (type === 'integer') appender.appendInteger(cell as number);
  else if (type === 'real') appender.appendDouble(cell as number);
  else appender.appendVarchar(cell as string);
}
