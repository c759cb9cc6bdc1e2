import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportTable, type ExportColumn } from './export-table.ts';

const COLUMNS: ExportColumn[] = [
  { name: 'date', type: 'date' }, { name: 'label', type: 'text' }, { name: 'n', type: 'integer' }, { name: 'x', type: 'real' },
];

test('NaN and ±Infinity become null, -0 becomes 0, everything else is kept', () => {
  const t = exportTable('t', COLUMNS, [
    ['2024-01-01', 'a', 1, NaN],
    ['2024-01-08', null, -0, Infinity],
    [null, 'c', NaN, -Infinity],
    ['2024-01-22', 'd', 7, -0],
    ['2024-01-29', 'e', 2147483647, 1.5e-300],
  ]);
  assert.deepEqual(t.rows, [
    ['2024-01-01', 'a', 1, null],
    ['2024-01-08', null, 0, null],
    [null, 'c', null, null],
    ['2024-01-22', 'd', 7, 0],
    ['2024-01-29', 'e', 2147483647, 1.5e-300],
  ]);
  assert.ok(Object.is(t.rows[1][2], 0) && Object.is(t.rows[3][3], 0));
  assert.equal(t.name, 't');
  assert.deepEqual(t.columns, COLUMNS);
});

test('rejects names that are not snake_case, and duplicate columns', () => {
  assert.throws(() => exportTable('Channel Summary', COLUMNS, []), /table name "Channel Summary" is not snake_case/);
  assert.throws(() => exportTable('t', [{ name: 'shareOfSpend', type: 'real' }], []), /column name "shareOfSpend"/);
  assert.throws(() => exportTable('t', [{ name: '1x', type: 'real' }], []), /not snake_case/);
  assert.throws(() => exportTable('t', [{ name: 'x', type: 'real' }, { name: 'x', type: 'text' }], []), /two columns are named "x"/);
});

test('rejects ragged rows and cells of the wrong type, naming row and column', () => {
  assert.throws(() => exportTable('t', COLUMNS, [['2024-01-01', 'a', 1]]), /t: row 0 has 3 cells, expected 4/);
  assert.throws(() => exportTable('t', COLUMNS, [['2024-01-01', 5, 1, 1]]), /row 0 column "label": expected text/);
  assert.throws(() => exportTable('t', COLUMNS, [['2024-01-01', 'a', 1, 1], ['2024-01-01', 'a', 1.5, 1]]), /row 1 column "n": 1.5 is not a 32-bit integer/);
  assert.throws(() => exportTable('t', COLUMNS, [['2024-01-01', 'a', 2 ** 31, 1]]), /not a 32-bit integer/);
  assert.throws(() => exportTable('t', COLUMNS, [['2024-01-01', 'a', '1', 1]]), /column "n": expected an integer/);
  assert.throws(() => exportTable('t', COLUMNS, [['2024-01-01', 'a', 1, '0.5']]), /column "x": expected a number/);
  assert.throws(() => exportTable('t', COLUMNS, [['01/02/2024', 'a', 1, 1]]), /column "date": expected an ISO date/);
  assert.throws(() => exportTable('t', COLUMNS, [[20240101, 'a', 1, 1]]), /column "date": expected an ISO date/);
});
