import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { isDummyColumn, unusedNumericColumns } from './unused-numeric-columns.ts';

const csv = parseCsvText([
  'date,y,price,promo,note,blank,zeros',
  '2024-01-01,1,9.5,1,a,,0',
  '2024-01-08,2,9.7,0,b,NA,0',
].join('\n'), 'x.csv');

test('unused numeric columns: all cells numbers (empty and NA aside), at least one number', () => {
  assert.deepEqual(unusedNumericColumns(csv, new Set(['date', 'y'])), ['price', 'promo', 'zeros']);
  assert.deepEqual(unusedNumericColumns(csv, new Set(['date', 'y', 'price'])), ['promo', 'zeros']);
});

test('dummy columns hold only 0 and 1, with at least one 1', () => {
  assert.equal(isDummyColumn(csv, 'promo'), true);
  assert.equal(isDummyColumn(csv, 'price'), false);
  assert.equal(isDummyColumn(csv, 'zeros'), false);
  assert.equal(isDummyColumn(csv, 'note'), false);
});
