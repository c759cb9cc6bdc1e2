import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { unparseableDates } from './unparseable-dates.ts';

test('unparseableDates: impossible, empty, unreadable dates, and day-month rows among yyyy-mm-dd, with row and column', () => {
  const cells = baseCells();
  cells[4][0] = '2023-02-30'; // line 5
  cells[6][0] = '';           // line 7
  cells[7][0] = 'soon';       // line 8
  cells[8][0] = '03/04/2024'; // line 9
  cells[9][0] = '05/04/2024'; // line 10: also written unlike the rest
  const { csv, roles } = ruleCase(cells);
  const issues = unparseableDates(csv, roles);
  assert.deepEqual(located(issues), [['INVALID_DATE', 5, 'date'], ['EMPTY_CELL', 7, 'date'], ['INVALID_DATE', 8, 'date'], ['MIXED_DATE_FORMAT', 9, 'date'], ['MIXED_DATE_FORMAT', 10, 'date']]);
  assert.equal(issues[0].message, '"2023-02-30" is not a real calendar date');
});

test('unparseableDates: silent on good dates', () => {
  const { csv, roles } = ruleCase(baseCells());
  assert.deepEqual(unparseableDates(csv, roles), []);
});

test('unparseableDates: a column of yyyymmdd dates is one UNSUPPORTED_DATE_FORMAT error, not one per row', () => {
  const cells = baseCells().map((r, i) => (i === 0 ? r : [r[0].replace(/-/g, ''), ...r.slice(1)]));
  const { csv, roles } = ruleCase(cells, { target: 'sales', date: 'date' });
  const issues = unparseableDates(csv, roles);
  assert.deepEqual(located(issues), [['UNSUPPORTED_DATE_FORMAT', 2, 'date']]);
});

test('unparseableDates: one row with a time of day among yyyy-mm-dd says why and gives its date', () => {
  const cells = baseCells();
  cells[4][0] = `${cells[4][0]} 13:00:00`;
  const issues = unparseableDates(ruleCase(cells).csv, ruleCase(cells).roles);
  assert.deepEqual(located(issues), [['INVALID_DATE', 5, 'date']]);
  assert.equal(issues[0].message, '"2024-01-22 13:00:00" is not a date Mixwise reads (written as yyyy-mm-dd hh:mm:ss): a time of day other than midnight (13:00:00): each row must be a whole day or week');
  assert.equal(issues[0].hint, 'write it as yyyy-mm-dd like the rest of the column: 2024-01-22');
});
