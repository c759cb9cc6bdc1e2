import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { kpiNoVariance } from './kpi-no-variance.ts';

test('kpiNoVariance: a constant KPI is CONSTANT_TARGET on its column', () => {
  const cells = baseCells().map((r, i) => (i === 0 ? r : [r[0], '5', ...r.slice(2)]));
  const { csv, roles } = ruleCase(cells);
  const issues = kpiNoVariance(csv, roles);
  assert.deepEqual(located(issues), [['CONSTANT_TARGET', undefined, 'sales']]);
  assert.equal(issues[0].message, 'the target has the same value (5) in every period');
  assert.deepEqual(kpiNoVariance(csv, { ...roles, target: undefined }), []);
});

test('kpiNoVariance: silent on a varying KPI', () => {
  const { csv, roles } = ruleCase(baseCells());
  assert.deepEqual(kpiNoVariance(csv, roles), []);
});
