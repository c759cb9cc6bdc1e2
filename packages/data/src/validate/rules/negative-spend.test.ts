import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { negativeSpend } from './negative-spend.ts';

test('negativeSpend: a negative spend cell with its value; a negative control is not spend', () => {
  const cells = baseCells();
  cells[5][2] = '-10'; // line 6
  cells[6][4] = '-1';  // price may be anything
  const { csv, roles } = ruleCase(cells);
  const issues = negativeSpend(csv, roles);
  assert.deepEqual(located(issues), [['NEGATIVE_SPEND', 6, 'tv_spend']]);
  assert.equal(issues[0].message, 'spend is negative (-10)');
});

test('negativeSpend: silent on zero and positive spend', () => {
  const cells = baseCells();
  cells[5][2] = '0';
  const { csv, roles } = ruleCase(cells);
  assert.deepEqual(negativeSpend(csv, roles), []);
});
