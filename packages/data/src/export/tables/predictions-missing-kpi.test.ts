import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Decomposition, MmmModel } from '@mixwise/engine';
import { duckdbQuery } from '../../../test/duckdb-query.ts';
import { writeCsvTables } from '../write-csv-tables.ts';
import { loadSqlJs, sqliteBytes } from '../write-sqlite.ts';
import { writeParquetTables } from '../write-parquet.ts';
import { predictionsTable } from './predictions.ts';

// Three periods; the KPI of the second was left out of the fit (skip_missing_kpi): NaN in the model.
const model = { window: { start: 0, end: 3 }, holdout: 0 } as unknown as MmmModel;
const decomposition = {
  dates: ['2024-01-01', '2024-01-08', '2024-01-15'], actual: Float64Array.from([10, NaN, 12]), fitted: Float64Array.from([9, 11, 13]), components: [],
} as unknown as Decomposition;
const table = predictionsTable(model, decomposition);
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'mixwise-missing-kpi-'));

test('predictions: a period whose KPI was not observed has a null actual and residual; its fitted value is kept', () => {
  assert.deepEqual(table.rows[1], ['2024-01-08', null, 11, null, 'train']);
  assert.deepEqual(table.rows[0], ['2024-01-01', 10, 9, 1, 'train']);
});

test('predictions CSV: the actual and residual of a left-out period are empty cells, never 0 or NaN', async () => {
  const [path] = await writeCsvTables(tempDir(), [table]);
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const row = lines[2].split(',');
  assert.equal(row[header.indexOf('actual')], '');
  assert.equal(row[header.indexOf('residual')], '');
  assert.equal(row[header.indexOf('fitted')], '11');
  assert.doesNotMatch(lines.join('\n'), /NaN/);
});

test('predictions SQLite: the actual and residual of a left-out period are NULL', async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(await sqliteBytes([table]));
  try {
    assert.deepEqual(db.exec("SELECT typeof(actual), typeof(residual), fitted FROM predictions WHERE date = '2024-01-08'")[0].values, [['null', 'null', 11]]);
  } finally {
    db.close();
  }
});

test('predictions Parquet: the actual and residual of a left-out period are null', async () => {
  const [path] = await writeParquetTables(tempDir(), [table]);
  const back = await duckdbQuery(`SELECT actual, residual, fitted FROM read_parquet('${path}') WHERE CAST(date AS VARCHAR) = '2024-01-08'`);
  assert.deepEqual(back.rows, [[null, null, 11]]);
});
