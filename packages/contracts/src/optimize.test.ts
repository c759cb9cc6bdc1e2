import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OptimizeRequestSchema } from './optimize.ts';
import { ScenarioRequestSchema, ScenarioComparisonSchema } from './scenarios.ts';

test('optimize request: defaults are one period, no bounds, no locks', () => {
  assert.deepEqual(OptimizeRequestSchema.parse({}), { periods: 1, bounds: {}, locks: [] });
  const r = OptimizeRequestSchema.parse({ budget: 5000, periods: 4, bounds: { tv: { min: 10, max: 900 } }, locks: ['radio'] });
  assert.deepEqual(r.bounds.tv, { min: 10, max: 900 });
});

test('optimize request: negative budget, min > max and zero periods are rejected with paths', () => {
  const r = OptimizeRequestSchema.safeParse({ budget: -1, periods: 0, bounds: { tv: { min: 10, max: 5 } } });
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues.map((i) => i.path.join('.')).sort(), ['bounds.tv.min', 'budget', 'periods']);
});

test('scenarios: default levels 0.9 / 1 / 1.1; a comparison needs exactly three scenarios', () => {
  assert.deepEqual(ScenarioRequestSchema.parse({}).levels, { conservative: 0.9, current: 1, aggressive: 1.1 });
  const s = { name: 'current', level: 1, budget: 10, feasible: true, expectedKpi: 5, lift: 0, roi: 0.5, mroi: 0.1, allocation: [{ channel: 'tv', spend: 10 }], reason: null };
  assert.equal(ScenarioComparisonSchema.safeParse({ kpi: 'sales', currentBudget: 10, currentKpi: 5, scenarios: [s, s, s] }).success, true);
  const two = ScenarioComparisonSchema.safeParse({ kpi: 'sales', currentBudget: 10, currentKpi: 5, scenarios: [s, s] });
  assert.deepEqual(two.error?.issues.map((i) => i.path.join('.')), ['scenarios']);
});
