import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { nonNumericValues } from './non-numeric-values.ts';

test('nonNumericValues: text, currency and percent cells, naming the value', () => {
  const cells = baseCells();
  cells[13][2] = 'abc';  // line 14, tv_spend
  cells[7][2] = '$100'; // line 8, tv_spend
  cells[9][4] = '12%';   // line 10, price
  const { csv, roles } = ruleCase(cells);
  const issues = nonNumericValues(csv, roles);
  assert.deepEqual(located(issues), [['CURRENCY_SYMBOL', 8, 'tv_spend'], ['NOT_A_NUMBER', 14, 'tv_spend'], ['PERCENT_VALUE', 10, 'price']]);
  assert.equal(issues[1].message, 'value "abc" is not a number');
});

test('nonNumericValues: silent on numbers and on empty cells (emptyCells reports those)', () => {
  const cells = baseCells();
  cells[3][2] = '';
  const { csv, roles } = ruleCase(cells);
  assert.deepEqual(nonNumericValues(csv, roles), []);
});
