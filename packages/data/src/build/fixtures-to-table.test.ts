import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readCsvFile } from '../read/read-csv.ts';
import { tableFromCsv } from './table-from-csv.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));

test('semicolon + BOM + CRLF fixture: thousands separators read, date column found by its values', () => {
  const { table, roles, warnings } = tableFromCsv(readCsvFile(fixture('semicolon-bom-crlf.csv')), { target: 'revenue' });
  assert.equal(roles.date, 'Datum');
  assert.equal(table.frequency, 'weekly');
  assert.equal(table.dates.length, 20);
  assert.equal(table.dates[19], '2023-05-15');
  // row i: revenue 12000 + 137·i + 0.5 written as "12,000.5", "12,137.5", …
  assert.deepEqual(Array.from(table.target.values.slice(0, 3)), [12000.5, 12137.5, 12274.5]);
  assert.deepEqual(table.channels.map((c) => c.name), ['tv', 'radio']);
  // radio: 0 on every 5th row, else 40 + i
  assert.deepEqual(Array.from(table.channels[1].spend.slice(0, 6)), [0, 41, 42, 43, 44, 0]);
  assert.deepEqual(warnings.map((w) => w.code), ['FEW_ROWS']);
});

test('daily tab-separated fixture', () => {
  const { table } = tableFromCsv(readCsvFile(fixture('daily.tsv')), { target: 'y' });
  assert.equal(table.frequency, 'daily');
  assert.deepEqual(table.dates.slice(3, 6), ['2024-02-28', '2024-02-29', '2024-03-01']);
  assert.deepEqual(Array.from(table.channels[0].spend.slice(0, 5)), [0, 10, 20, 30, 0]);
});
