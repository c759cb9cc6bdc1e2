import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { duplicateDates } from './duplicate-dates.ts';

test('duplicateDates: the repeat on line 6 names line 5', () => {
  const cells = baseCells();
  cells[5][0] = cells[4][0];
  const { csv, roles } = ruleCase(cells);
  const issues = duplicateDates(csv, roles);
  assert.deepEqual(located(issues), [['DUPLICATE_DATE', 6, 'date']]);
  assert.equal(issues[0].message, 'the date 2024-01-22 already appears on row 5');
});

test('duplicateDates: silent on distinct dates', () => {
  const { csv, roles } = ruleCase(baseCells());
  assert.deepEqual(duplicateDates(csv, roles), []);
});
