import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { unsortedDates } from './unsorted-dates.ts';

test('unsortedDates: two swapped rows give one error on the row that goes back', () => {
  const cells = baseCells();
  [cells[7], cells[8]] = [cells[8], cells[7]];
  const { csv, roles } = ruleCase(cells);
  const issues = unsortedDates(csv, roles);
  assert.deepEqual(located(issues), [['UNSORTED_DATES', 9, 'date']]);
  assert.equal(issues[0].message, 'dates are not in increasing order: 2024-02-12 comes after 2024-02-19 (row 8)');
});

test('unsortedDates: silent on increasing dates', () => {
  const { csv, roles } = ruleCase(baseCells());
  assert.deepEqual(unsortedDates(csv, roles), []);
});
