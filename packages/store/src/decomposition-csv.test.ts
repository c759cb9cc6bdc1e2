import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from '@mixwise/data';
import { decompositionCsvRows } from './decomposition-csv.ts';

test('decomposition.csv: the actual KPI of a period left out of the fit is an empty cell, not 0 or NaN', () => {
  const table = { columns: ['date', 'actual', 'fitted', 'holdout', 'tv'], rows: [['2024-01-01', 10, 9, 0, 2], ['2024-01-08', NaN, 11, 0, 3]] };
  const rows = decompositionCsvRows(table);
  assert.deepEqual(rows, [['2024-01-01', 10, 9, 0, 2], ['2024-01-08', null, 11, 0, 3]]);
  assert.equal(toCsv(table.columns, rows).split(/\r?\n/)[2], '2024-01-08,,11,0,3');
});
