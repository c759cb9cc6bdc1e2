import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { candidateControls, leftOutText } from '../detect/candidate-controls.ts';
import { firstBadCell, isDummyColumn, unusedNumericColumns } from './unused-numeric-columns.ts';

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

test('a numeric column with one bad cell stays a candidate, and candidateControls names the cell', () => {
  const typo = parseCsvText([
    'date,y,tv_spend,price,promo,label',
    ...Array.from({ length: 6 }, (_, i) => `2024-01-${String(1 + i).padStart(2, '0')},${10 + i},${i},${i === 3 ? 'abc' : 9 + (i % 3)},${i === 4 ? 'yes' : i % 2},${i === 0 ? 1 : 'x'}`),
  ].join('\n'), 'x.csv');
  const unused = unusedNumericColumns(typo, new Set(['date', 'y', 'tv_spend']));
  assert.deepEqual(unused, ['price', 'promo'], 'label is mostly text: not a candidate');
  assert.deepEqual(firstBadCell(typo, 'price'), { row: 5, value: 'abc' });
  const picked = candidateControls(typo, unused, { target: 'y', spend: ['tv_spend'] });
  assert.deepEqual(picked.controls, []);
  assert.deepEqual(picked.leftOut.map((l) => [l.column, l.reason, l.detail]), [['price', 'not-numeric', '"abc" at x.csv:5'], ['promo', 'not-numeric', '"yes" at x.csv:6']]);
  assert.match(leftOutText(picked.leftOut[0]), /not a number, "abc" at x\.csv:5: write a number there/);
});
