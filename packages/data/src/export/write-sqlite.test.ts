import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportTable } from './export-table.ts';
import { loadSqlJs, sqliteBytes, writeSqlite } from './write-sqlite.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'mixwise-sqlite-'));
const sample = exportTable('sample', [
  { name: 'date', type: 'date' }, { name: 'group', type: 'text' }, { name: 'n', type: 'integer' }, { name: 'x', type: 'real' },
], [
  ['2024-01-01', 'tv "prime", ü', 3, 0.1 + 0.2],
  ['2024-01-08', null, 0, 2],
  ['2024-01-15', 'x', null, NaN],
]);
const other = exportTable('other', [{ name: 'v', type: 'real' }], [[1e21], [-5e-324]]);

test('tables, declared types, stored types and values survive the SQLite file', async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(await sqliteBytes([sample, other]));
  try {
    assert.deepEqual(db.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")[0].values, [['sample'], ['other']]);
    assert.deepEqual(db.exec('PRAGMA table_info(sample)')[0].values.map((r) => [r[1], r[2]]),
      [['date', 'TEXT'], ['group', 'TEXT'], ['n', 'INTEGER'], ['x', 'REAL']]);
    // The integer 2 in a REAL column is stored as real (REAL affinity), NULLs stay NULL.
    assert.deepEqual(db.exec('SELECT typeof(date), typeof("group"), typeof(n), typeof(x) FROM sample')[0].values, [
      ['text', 'text', 'integer', 'real'],
      ['text', 'null', 'integer', 'real'],
      ['text', 'text', 'null', 'null'],
    ]);
    assert.deepEqual(db.exec('SELECT * FROM sample')[0].values, [
      ['2024-01-01', 'tv "prime", ü', 3, 0.30000000000000004],
      ['2024-01-08', null, 0, 2],
      ['2024-01-15', 'x', null, null],
    ]);
    assert.deepEqual(db.exec('SELECT v FROM other')[0].values, [[1e21], [-5e-324]]);
  } finally {
    db.close();
  }
});

test('writeSqlite writes a valid SQLite 3 file and replaces an old one', async () => {
  const dir = tempDir();
  const path = join(dir, 'results.sqlite');
  writeFileSync(path, 'old');
  await writeSqlite(path, [other]);
  const bytes = readFileSync(path);
  assert.equal(bytes.subarray(0, 16).toString('latin1'), 'SQLite format 3\0'); // the file header, sqlite.org/fileformat.html §1.3.1
  const db = new (await loadSqlJs()).Database(bytes);
  assert.deepEqual(db.exec('SELECT count(*) FROM other')[0].values, [[2]]);
  db.close();
  assert.deepEqual(readdirSync(dir), ['results.sqlite']);
});

test('a failure leaves no temporary file and no half-written database', async () => {
  const dir = tempDir();
  await assert.rejects(writeSqlite(join(dir, 'missing', 'results.sqlite'), [sample]), { code: 'ENOENT' });
  assert.deepEqual(readdirSync(dir), []);
  mkdirSync(join(dir, 'results.sqlite')); // renaming a file over a folder fails
  await assert.rejects(writeSqlite(join(dir, 'results.sqlite'), [sample]), (e: NodeJS.ErrnoException) => typeof e.code === 'string');
  assert.deepEqual(readdirSync(dir), ['results.sqlite']);
  // Two tables with one name: SQLite refuses before anything is written.
  await assert.rejects(writeSqlite(join(dir, 'r2.sqlite'), [other, other]), /table "other" already exists/);
  assert.deepEqual(readdirSync(dir), ['results.sqlite']);
});
