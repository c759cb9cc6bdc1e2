import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { panelColumn } from './panel-column.ts';

const panel = (rows: string[]) => parseCsvText(['date,region,tv_spend,sales', ...rows].join('\n'), 'p.csv');

test('panelColumn: a text column that splits every date into the same number of distinct rows', () => {
  const csv = panel(['2024-01-01,north,1,10', '2024-01-01,south,2,20', '2024-01-08,north,3,30', '2024-01-08,south,4,40']);
  assert.deepEqual(panelColumn(csv, 'date'), { column: 'region', values: ['north', 'south'] });
});

test('panelColumn: none for distinct dates, a repeated (date, value) pair, or dates with different row counts', () => {
  assert.equal(panelColumn(panel(['2024-01-01,north,1,10', '2024-01-08,north,3,30']), 'date'), undefined);
  assert.equal(panelColumn(panel(['2024-01-01,north,1,10', '2024-01-01,north,2,20', '2024-01-08,north,3,30', '2024-01-08,south,4,40']), 'date'), undefined);
  assert.equal(panelColumn(panel(['2024-01-01,north,1,10', '2024-01-01,south,2,20', '2024-01-08,north,3,30']), 'date'), undefined);
});
