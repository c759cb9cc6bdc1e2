import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { simulatePreset } from '@mixwise/engine';
import { readCsvFile } from '../read/read-csv.ts';
import { tableFromCsv } from '../build/table-from-csv.ts';
import { writeModelingTable } from './write-modeling-table.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-table-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the CSV and the Parquet file hold the table exactly (Parquet read back with DuckDB)', async () => {
  const table = simulatePreset('retail', 5).table;
  const files = await writeModelingTable(table, dir);
  assert.deepEqual(readdirSync(dir).sort(), ['modeling_table.csv', 'modeling_table.parquet'], 'no temporary file is left');

  const back = tableFromCsv(readCsvFile(files.csv), { target: table.target.name, events: table.events.map((e) => e.name), controls: table.controls.map((c) => c.name) }).table;
  assert.deepEqual(back.dates, table.dates);
  assert.deepEqual(back.target.values, table.target.values);
  back.channels.forEach((c, k) => assert.deepEqual(c.spend, table.channels[k].spend));

  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const connection = await instance.connect();
  const types = await connection.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${files.parquet}'))`);
  const result = await connection.runAndReadAll(`SELECT strftime(date, '%Y-%m-%d') AS day, * EXCLUDE (date) FROM read_parquet('${files.parquet}') ORDER BY date`);
  connection.closeSync();
  instance.closeSync();
  const columns = ['date', table.target.name, ...table.channels.map((c) => `${c.name}_spend`), ...table.controls.map((c) => c.name), ...table.events.map((e) => e.name)];
  assert.deepEqual(types.getRows().map((r) => [r[0], r[1]]), columns.map((c, j) => [c, j === 0 ? 'DATE' : 'DOUBLE']));
  const rows = result.getRows();
  assert.equal(rows.length, table.dates.length);
  const series = [table.target.values, ...table.channels.map((c) => c.spend), ...table.controls.map((c) => c.values), ...table.events.map((e) => e.values)];
  rows.forEach((row, t) => {
    assert.equal(row[0], table.dates[t]);
    series.forEach((s, j) => assert.equal(row[j + 1], s[t], `row ${t} column ${columns[j + 1]}`));
  });
});
