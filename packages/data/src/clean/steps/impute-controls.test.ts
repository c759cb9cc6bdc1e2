import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CleaningRoles } from '../change.ts';
import { DataError } from '../../issue.ts';
import { parseCsvText } from '../../read/read-csv.ts';
import { imputeControls } from './impute-controls.ts';

const ROLES: CleaningRoles = { date: 'date', target: 'y', spend: [], controls: ['price', 'temp'], events: [] };

test('imputeControls: linear interpolation in time inside, nearest value at the edges, one change per cell', () => {
  const csv = parseCsvText('date,y,price,temp\n2024-01-01,1,1,\n2024-01-08,2,,5\n2024-01-15,3,NA,6\n2024-01-22,4,4,\n', 'd.csv');
  const { table, changes } = imputeControls(csv, { roles: ROLES });
  assert.deepEqual(table.rows.map((r) => [r[2], r[3]]), [['1', '5'], ['2', '5'], ['3', '6'], ['4', '6']]);
  assert.deepEqual(changes, [
    // 1 + (4 − 1)·7/21 = 2 and 1 + (4 − 1)·14/21 = 3
    { step: 'impute-controls', column: 'price', row: 3, date: '2024-01-08', before: '', after: '2', reason: 'interpolated between row 2 and row 5' },
    { step: 'impute-controls', column: 'price', row: 4, date: '2024-01-15', before: 'NA', after: '3', reason: 'interpolated between row 2 and row 5' },
    { step: 'impute-controls', column: 'temp', row: 2, date: '2024-01-01', before: '', after: '5', reason: 'carried from the nearest known value (row 3)' },
    { step: 'impute-controls', column: 'temp', row: 5, date: '2024-01-22', before: '', after: '6', reason: 'carried from the nearest known value (row 4)' },
  ]);
});

test('imputeControls: uneven spacing weighs by days; a control with no value is an error; full columns are untouched', () => {
  // 10 + (20 − 10)·(3 − 0)/(4 − 0) = 17.5 (days 2024-01-01 → 01-04 → 01-05)
  const uneven = parseCsvText('date,y,price,temp\n2024-01-01,1,10,1\n2024-01-04,2,,1\n2024-01-05,3,20,1\n', 'd.csv');
  assert.deepEqual(imputeControls(uneven, { roles: ROLES }).changes.map((c) => c.after), ['17.5']);
  const none = parseCsvText('date,y,price,temp\n2024-01-01,1,,1\n2024-01-08,2,,1\n', 'd.csv');
  assert.throws(() => imputeControls(none, { roles: ROLES }), (e: unknown) => e instanceof DataError && e.issues[0].code === 'EMPTY_CELL' && e.issues[0].at.column === 'price');
  const full = parseCsvText('date,y,price,temp\n2024-01-01,1,3,1\n2024-01-08,2,4,1\n', 'd.csv');
  assert.deepEqual(imputeControls(full, { roles: ROLES }).changes, []);
});
