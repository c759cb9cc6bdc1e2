import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { constantColumns } from './constant-columns.ts';

test('constantColumns: constant non-zero spend and constant control are warnings; all-zero spend is left to channelNoSpend', () => {
  const cells = baseCells().map((r, i) => (i === 0 ? r : [r[0], r[1], '100', '0', '4', r[5]]));
  const { csv, roles } = ruleCase(cells);
  const issues = constantColumns(csv, roles);
  assert.deepEqual(located(issues), [['CONSTANT_SPEND', undefined, 'tv_spend'], ['CONSTANT_CONTROL', undefined, 'price']]);
  assert.ok(issues.every((i) => i.severity === 'warning'));
  assert.match(issues[0].message, /same amount \(100\)/);
});

test('constantColumns: silent when columns vary', () => {
  const { csv, roles } = ruleCase(baseCells());
  assert.deepEqual(constantColumns(csv, roles), []);
});
