import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { emptyCells } from './empty-cells.ts';

test('emptyCells: empty KPI, NA spend and NaN control cells, column by column', () => {
  const cells = baseCells();
  cells[2][1] = '';    // line 3, sales
  cells[4][3] = 'NA';  // line 5, search_spend
  cells[6][4] = 'NaN'; // line 7, price
  const { csv, roles } = ruleCase(cells);
  const issues = emptyCells(csv, roles);
  assert.deepEqual(located(issues), [['EMPTY_CELL', 3, 'sales'], ['EMPTY_CELL', 5, 'search_spend'], ['NON_FINITE', 7, 'price']]);
  assert.equal(issues[0].message, 'the target value is empty');
  assert.match(issues[1].hint, /write 0/);
});

test('emptyCells: without a target the KPI is not checked; silent on full columns', () => {
  const cells = baseCells();
  cells[2][1] = '';
  const { csv, roles } = ruleCase(cells, { controls: ['price'] });
  assert.deepEqual(emptyCells(csv, roles), []);
  const good = ruleCase(baseCells());
  assert.deepEqual(emptyCells(good.csv, good.roles), []);
});
