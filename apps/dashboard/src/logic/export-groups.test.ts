import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupExports } from './export-groups.ts';

test('groupExports puts run files first and makes test ids unique', () => {
  const g = groupExports([
    { name: 'd.csv', bytes: 1, href: '/api/runs/r/exports/parquet/d.parquet' },
    { name: 'd.csv', bytes: 2, href: '/api/runs/r/exports/csv/d.csv' },
    { name: 'd.csv', bytes: 3, href: '/api/runs/r/exports/d.csv' },
  ]);
  assert.deepEqual(g.map((x) => x.folder), ['', 'csv', 'parquet']);
  assert.deepEqual(g.map((x) => x.files[0].testId), ['export-d.csv', 'export-csv-d.csv', 'export-parquet-d.csv']);
});
