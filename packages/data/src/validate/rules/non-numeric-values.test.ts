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

test('nonNumericValues: "." thousands separators in a semicolon file are DOT_THOUSANDS with the plain number in the hint', () => {
  const cells = baseCells();
  cells[2][1] = '1.856.920'; // line 3, sales
  cells[5][2] = '9.388';     // line 6, tv_spend: other tv values have no dot
  const { csv, roles } = ruleCase(cells, undefined, ';');
  const issues = nonNumericValues(csv, roles);
  assert.deepEqual(located(issues), [['DOT_THOUSANDS', 3, 'sales'], ['DOT_THOUSANDS', 6, 'tv_spend']]);
  assert.equal(issues[1].message, 'value "9.388" uses "." as a thousands separator (read as a decimal it would be 9.388, 1000× too small)');
  assert.match(issues[0].hint, /such as 1856920/);
  assert.deepEqual(nonNumericValues(ruleCase(cells.map((r) => r.map((c) => c.replace('1.856.920', '1856920'))), undefined, ',').csv, roles), [],
    '9.388 in a comma-separated file is an ordinary decimal');
});
