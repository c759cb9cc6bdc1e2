import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdbQuery as query } from '../../test/duckdb-query.ts';
import { exportTable } from './export-table.ts';
import { writeParquetTables } from './write-parquet.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'mixwise-parquet-'));
const sample = exportTable('sample', [
  { name: 'date', type: 'date' }, { name: 'group', type: 'text' }, { name: 'n', type: 'integer' }, { name: 'x', type: 'real' },
], [
  ['2024-01-01', "tv 'prime', ü", 3, 0.1 + 0.2],
  ['1999-12-31', null, -7, 2],
  [null, 'x', null, NaN],
]);
const empty = exportTable('empty_one', [{ name: 'v', type: 'real' }], []);

test('Parquet files read back with the declared types and the same values', async () => {
  const dir = tempDir();
  const paths = await writeParquetTables(dir, [sample, empty]);
  assert.deepEqual(paths, [join(dir, 'sample.parquet'), join(dir, 'empty_one.parquet')]);
  assert.deepEqual(readdirSync(dir).sort(), ['empty_one.parquet', 'sample.parquet']);
  assert.equal(readFileSync(paths[0]).subarray(0, 4).toString('latin1'), 'PAR1'); // Parquet magic number
  const described = await query(`DESCRIBE SELECT * FROM read_parquet('${paths[0]}')`);
  assert.deepEqual(described.rows.map((r) => [r[0], r[1]]), [['date', 'DATE'], ['group', 'VARCHAR'], ['n', 'INTEGER'], ['x', 'DOUBLE']]);
  const back = await query(`SELECT CAST(date AS VARCHAR), "group", n, x FROM read_parquet('${paths[0]}')`);
  assert.deepEqual(back.rows, [['2024-01-01', "tv 'prime', ü", 3, 0.30000000000000004], ['1999-12-31', null, -7, 2], [null, 'x', null, null]]);
  assert.deepEqual((await query(`SELECT count(*)::INTEGER FROM read_parquet('${paths[1]}')`)).rows, [[0]]);
});

test('a failure leaves no temporary file and no half-written Parquet file', async () => {
  const dir = tempDir();
  await assert.rejects(writeParquetTables(join(dir, 'missing'), [sample]));
  assert.deepEqual(readdirSync(dir), []);
  mkdirSync(join(dir, 'sample.parquet')); // renaming the finished file over a folder fails
  await assert.rejects(writeParquetTables(dir, [empty, sample]), (e: NodeJS.ErrnoException) => typeof e.code === 'string');
  assert.deepEqual(readdirSync(dir).sort(), ['empty_one.parquet', 'sample.parquet']);
  assert.deepEqual(readdirSync(join(dir, 'sample.parquet')), []);
});
