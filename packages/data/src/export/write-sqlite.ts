import initSqlJs, { type SqlJsStatic, type SqlValue } from 'sql.js';
import { writeFileAtomic } from '../write/atomic-write.ts';
import type { ExportColumnType, ExportTable } from './export-table.ts';
import { EXPORT_SCHEMA_VERSION } from './run-id.ts';

/** Declared SQLite column type per export type (dates are ISO-8601 TEXT, SQLite's usual date form). */
export const SQLITE_TYPES: Readonly<Record<ExportColumnType, string>> = { text: 'TEXT', integer: 'INTEGER', real: 'REAL', date: 'TEXT' };

let sqlJs: Promise<SqlJsStatic> | undefined;

/**
 * sql.js (SQLite compiled to WebAssembly), loaded once per process from its npm package (no download).
 * @example const SQL = await loadSqlJs(); new SQL.Database() // an empty in-memory SQLite database
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

/**
 * The bytes of an SQLite database file holding the tables: each created with explicit column types
 * (SQLITE_TYPES) and filled in a single transaction. Identifiers are double-quoted, so a column named
 * `group` (an SQL keyword) works; hand-written SQL must quote it too. `PRAGMA user_version` is set to
 * the export schema version, so a reader can check which layout it opened.
 * @param tables tables built with exportTable (names unique)
 * @param userVersion the database's user_version (default EXPORT_SCHEMA_VERSION)
 * @returns an SQLite 3 database image (the same bytes a file on disk would hold)
 * @throws the SQLite error (e.g. two tables with one name); the in-memory database is closed either way
 * @example new (await loadSqlJs()).Database(await sqliteBytes([t])).exec('SELECT count(*) FROM t')[0].values // [[t.rows.length]]
 */
export async function sqliteBytes(tables: readonly ExportTable[], userVersion: number = EXPORT_SCHEMA_VERSION): Promise<Uint8Array> {
  if (!Number.isSafeInteger(userVersion) || userVersion < 0 || userVersion > 2 ** 31 - 1) throw new RangeError(`sqliteBytes: user_version ${userVersion} is not a 32-bit non-negative integer`);
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA user_version = ${userVersion}`);
    db.run('BEGIN TRANSACTION');
    for (const t of tables) {
      db.run(`CREATE TABLE ${quoteId(t.name)} (${t.columns.map((c) => `${quoteId(c.name)} ${SQLITE_TYPES[c.type]}`).join(', ')})`);
      const insert = db.prepare(`INSERT INTO ${quoteId(t.name)} VALUES (${t.columns.map(() => '?').join(', ')})`);
      try {
        for (const row of t.rows) insert.run(row as SqlValue[]);
      } finally {
        insert.free();
      }
    }
    db.run('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}

/**
 * Writes the tables to an SQLite file atomically (temporary file in the same folder, fsync, rename):
 * a failure leaves the previous file, or none, never a half-written one.
 * @param path destination, e.g. `out/results.sqlite`; its folder must exist
 * @param tables tables built with exportTable
 * @throws as sqliteBytes and writeFileAtomic (ENOENT for a missing folder)
 * @example await writeSqlite('out/results.sqlite', exportTables(model)) // out/results.sqlite holds 9 tables
 */
export async function writeSqlite(path: string, tables: readonly ExportTable[]): Promise<void> {
  await writeFileAtomic(path, await sqliteBytes(tables));
}

/** An SQL identifier in double quotes (inner quotes doubled). */
export function quoteId(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
