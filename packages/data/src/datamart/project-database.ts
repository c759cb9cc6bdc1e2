import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Issue } from '../issue.ts';
import { openDatamart, sqlString } from './datamart.ts';

/** File name of a project's database inside `mixwise prepare`'s output folder. */
export const PROJECT_DATABASE_FILE = 'mixwise.duckdb';

/** What `finishProjectDatabase` stores besides the tables a datamart build already put in the file. */
export interface ProjectTables {
  /** modeling_table.csv as prepare wrote it (date + numeric columns). */
  readonly modelingTableCsv: string;
  /** Validation warnings of the build. */
  readonly issues: readonly Issue[];
  /** changes.csv (the cleaning log), when the config has cleaning steps. */
  readonly changesCsv?: string;
  /** Facts about the build, stored as key/value rows in `project_info` (e.g. config path). */
  readonly info: Readonly<Record<string, string>>;
}

/**
 * A temporary path beside `path` for building a project database before it is renamed into place,
 * so a crash never leaves a half-written `mixwise.duckdb`.
 * @example projectDatabaseTempPath('/p/out/mixwise.duckdb') // '/p/out/.mixwise.duckdb.1a2b3c4d5e6f.tmp'
 */
export function projectDatabaseTempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Completes a project database built at `tempPath` (a datamart build may already have written its
 * staging → intermediate → mart tables there) and renames it to `path`: adds `modeling_table` (from
 * the CSV, date as DATE, the rest DOUBLE), `issues`, `changes` (when given) and `project_info`, then
 * checkpoints, closes and renames. On any error the temporary file (and its WAL) is removed.
 * @param tempPath from projectDatabaseTempPath(path); created when no build wrote it yet
 * @param path the final `.duckdb` file (replaced if present)
 * @param tables what to store
 * @returns the names of every table in the finished database, sorted
 * @throws DuckDB or file-system errors
 * @example await finishProjectDatabase(tmp, 'out/mixwise.duckdb', { modelingTableCsv: 'out/modeling_table.csv', issues: [], info: {} })
 */
export async function finishProjectDatabase(tempPath: string, path: string, tables: ProjectTables): Promise<string[]> {
  let done = false;
  try {
    const dm = await openDatamart(tempPath);
    let names: string[];
    try {
      const c = dm.connection;
      const header = (await (await c.runAndReadAll(`SELECT * FROM read_csv(${sqlString(tables.modelingTableCsv)}, header = true, all_varchar = true) LIMIT 0`)).columnNames());
      const types = header.map((name, j) => `${sqlString(name)}: '${j === 0 ? 'DATE' : 'DOUBLE'}'`).join(', ');
      await c.run(`CREATE OR REPLACE TABLE modeling_table AS SELECT * FROM read_csv(${sqlString(tables.modelingTableCsv)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${types}})`);
      await c.run('CREATE OR REPLACE TABLE issues (code VARCHAR, severity VARCHAR, message VARCHAR, hint VARCHAR, file VARCHAR, "row" INTEGER, "column" VARCHAR)');
      for (const i of tables.issues) {
        await c.run('INSERT INTO issues VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [i.code, i.severity, i.message, i.hint, i.at.file ?? null, i.at.row ?? null, i.at.column ?? null]);
      }
      if (tables.changesCsv !== undefined) {
        await c.run(`CREATE OR REPLACE TABLE changes AS SELECT * FROM read_csv(${sqlString(tables.changesCsv)}, header = true, all_varchar = true)`);
      }
      await c.run('CREATE OR REPLACE TABLE project_info (key VARCHAR, value VARCHAR)');
      for (const [key, value] of Object.entries(tables.info)) await c.run('INSERT INTO project_info VALUES ($1, $2)', [key, value]);
      names = (await (await c.runAndReadAll('SELECT table_name FROM information_schema.tables ORDER BY table_name')).getRowObjects()).map((r) => String(r.table_name));
      await c.run('CHECKPOINT');
    } finally {
      dm.close();
    }
    await rename(tempPath, path);
    done = true;
    return names;
  } finally {
    if (!done) await discardProjectDatabase(tempPath);
    await rm(`${tempPath}.wal`, { force: true });
  }
}

/**
 * Removes a project database that was being built (and its WAL) after a failure; absent files are fine.
 * @example await discardProjectDatabase(projectDatabaseTempPath('out/mixwise.duckdb'))
 */
export async function discardProjectDatabase(tempPath: string): Promise<void> {
  await rm(tempPath, { force: true });
  await rm(`${tempPath}.wal`, { force: true });
}
