import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MARGIN_MESSAGE, OptimizeRequestSchema, OptimizeResponseSchema } from './optimize.ts';
import { PlanRequestSchema } from './plan.ts';
import { ScenarioRequestSchema, ScenarioComparisonSchema } from './scenarios.ts';
import { ReferencePeriodsEchoSchema } from './reference-periods.ts';

test('optimize request: defaults are one period, no bounds, no locks', () => {
  assert.deepEqual(OptimizeRequestSchema.parse({}), { periods: 1, bounds: {}, locks: [], upTo: false });
  assert.equal(OptimizeRequestSchema.parse({ upTo: true }).upTo, true);
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
  assert.equal(ScenarioComparisonSchema.safeParse({ referencePeriods: 52, windowPeriods: 104, kpi: 'sales', currentBudget: 10, currentKpi: 5, scenarios: [s, s, s] }).success, true);
  const two = ScenarioComparisonSchema.safeParse({ referencePeriods: 52, windowPeriods: 104, kpi: 'sales', currentBudget: 10, currentKpi: 5, scenarios: [s, s] });
  assert.deepEqual(two.error?.issues.map((i) => i.path.join('.')), ['scenarios']);
});

test('optimize, plan and scenario requests refuse keys they do not take, at their path (top level, a channel\'s bounds, the levels)', () => {
  const unknown = (r: { success: boolean; error?: { issues: readonly { code: string; path: readonly PropertyKey[]; keys?: readonly string[] }[] } }): string[] =>
    (r.error?.issues ?? []).filter((i) => i.code === 'unrecognized_keys').flatMap((i) => (i.keys ?? []).map((k) => [...i.path.map(String), k].join('.'))).sort();
  assert.deepEqual(unknown(OptimizeRequestSchema.safeParse({ periods: 4, upTo: true, targetCpa: 2 })), ['targetCpa']);
  assert.deepEqual(unknown(OptimizeRequestSchema.safeParse({ bounds: { tv: { min: 1, maximum: 5 } } })), ['bounds.tv.maximum']);
  assert.deepEqual(unknown(PlanRequestSchema.safeParse({ periods: 4, upTo: true, window: 'only' })), ['upTo', 'window']);
  assert.deepEqual(unknown(ScenarioRequestSchema.safeParse({ levels: { conservative: 0.9, current: 1, aggressive: 1.1, bold: 2 }, budget: 5 })), ['budget', 'levels.bold']);
});

test('scenario levels must be in order: conservative ≤ current ≤ aggressive (equal levels allowed)', () => {
  const r = ScenarioRequestSchema.safeParse({ levels: { conservative: 2, current: 1, aggressive: 0.5 } });
  assert.deepEqual(r.error?.issues.map((i) => [i.path.join('.'), i.message]), [['levels', 'levels must be in order: conservative ≤ current ≤ aggressive']]);
  assert.equal(ScenarioRequestSchema.safeParse({ levels: { conservative: 0.9, current: 1.2, aggressive: 1.1 } }).success, false);
  assert.equal(ScenarioRequestSchema.safeParse({ levels: { conservative: 1, current: 1, aggressive: 1 } }).success, true);
});

test('optimize response: the lift interval across replicates is two numbers or null, with the replicate count', () => {
  const response = {
    referencePeriods: 104, windowPeriods: 104, kpi: 'sales', objective: { type: 'budget', value: 10 }, periods: 1, budget: 10, budgetPerPeriod: 10, currentBudgetPerPeriod: 10, allocation: [],
    expected: { current: 5, recommended: 5.5, lift: 0.5, liftShare: 0.1, liftInterval: [0.1, 0.9], replicates: 100 },
    predictedKpiTotal: 5.5, roi: 0.5, mroi: 0.1, binding: ['budget'], recommendation: 'Spend 10 per period …', informationValue: null,
    margin: null, profit: null,
  };
  assert.equal(OptimizeResponseSchema.safeParse(response).success, true);
  assert.equal(OptimizeResponseSchema.safeParse({ ...response, expected: { ...response.expected, liftInterval: null, replicates: 0 } }).success, true);
  const bad = OptimizeResponseSchema.safeParse({ ...response, expected: { current: 5, recommended: 5.5, lift: 0.5, liftShare: 0.1, liftInterval: [0.1] } });
  assert.deepEqual(bad.error?.issues.map((i) => i.path.join('.')).sort(), ['expected.liftInterval', 'expected.replicates']);
});

test('amounts (budgets, bounds) are at most 1e15, refused with a message naming the field and the range', () => {
  const messages = (r: { error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): string[] => (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
  assert.deepEqual(messages(OptimizeRequestSchema.safeParse({ budget: 1e300 })), ['budget: the budget must be a number from 0 to 1,000,000,000,000,000 (1e15)']);
  assert.deepEqual(messages(PlanRequestSchema.safeParse({ periods: 4, budget: 1e308, bounds: { tv: { min: 1e16 } } })), [
    'budget: the budget must be a number from 0 to 1,000,000,000,000,000 (1e15)',
    'bounds.tv.min: a lower bound (min) must be a number from 0 to 1,000,000,000,000,000 (1e15)',
  ]);
  assert.equal(OptimizeRequestSchema.safeParse({ budget: 1e15, bounds: { tv: { max: 1e15 } } }).success, true);
  assert.deepEqual(messages(PlanRequestSchema.safeParse({ periods: 105 })), ['periods: periods must be a whole number from 1 to 104']);
});

test('optimize request: at most one of budget and the goals, upTo only with a budget, goals above 0', () => {
  const ok = (b: object) => OptimizeRequestSchema.safeParse(b).success;
  assert.equal(ok({ targetKpi: 1000 }), true);
  assert.equal(ok({ targetRoi: 1.5, periods: 4 }), true);
  assert.equal(ok({ targetMroi: 1, bounds: { tv: { max: 5 } } }), true);
  assert.equal(ok({ budget: 10, targetKpi: 1000 }), false);
  assert.equal(ok({ targetRoi: 1, targetMroi: 1 }), false);
  assert.equal(ok({ targetRoi: 1, upTo: true }), false);
  assert.equal(ok({ budget: 10, upTo: true }), true);
  assert.equal(ok({ targetRoi: 0 }), false);
  assert.equal(ok({ targetMroi: -1 }), false);
});

test('optimize margin: a number above 0 (any size: a conversion may be worth 120), refused otherwise with the CLI\'s rule in words; the answer\'s profit block', () => {
  assert.equal(OptimizeRequestSchema.parse({ margin: 0.3 }).margin, 0.3);
  assert.equal(OptimizeRequestSchema.parse({ margin: 120, targetKpi: 5 }).margin, 120);
  for (const margin of [0, -0.3, '0.3', null]) {
    assert.deepEqual(OptimizeRequestSchema.safeParse({ margin }).error?.issues.map((i) => [i.path.join('.'), i.message]), [['margin', MARGIN_MESSAGE]], String(margin));
  }
  const base = {
    referencePeriods: 104, windowPeriods: 104, kpi: 'sales', objective: { type: 'budget', value: null }, periods: 1, budget: 10, budgetPerPeriod: 10, currentBudgetPerPeriod: 10, allocation: [],
    expected: { current: 5, recommended: 5.5, lift: 0.5, liftShare: 0.1, liftInterval: null, replicates: 0 },
    predictedKpiTotal: 5.5, roi: 0.5, mroi: 0.1, binding: ['budget'], recommendation: '…', informationValue: null,
  };
  assert.equal(OptimizeResponseSchema.safeParse({ ...base, margin: 0.3, profit: { current: -8.5, recommended: -8.35, lift: 0.15 } }).success, true);
  assert.deepEqual(OptimizeResponseSchema.safeParse(base).error?.issues.map((i) => i.path.join('.')).sort(), ['margin', 'profit']);
});

test('referencePeriods: an optional whole number ≥ 1 on optimize, plan and scenario requests; answers echo it with the window length', () => {
  assert.equal(OptimizeRequestSchema.parse({}).referencePeriods, undefined);
  assert.equal(OptimizeRequestSchema.parse({ referencePeriods: 13 }).referencePeriods, 13);
  assert.equal(PlanRequestSchema.parse({ periods: 4, referencePeriods: 52 }).referencePeriods, 52);
  assert.equal(ScenarioRequestSchema.parse({ referencePeriods: 1 }).referencePeriods, 1);
  for (const bad of [0, -1, 2.5, '13', null]) {
    const r = OptimizeRequestSchema.safeParse({ referencePeriods: bad });
    assert.equal(r.success, false, String(bad));
    assert.equal(r.error?.issues[0].message, 'referencePeriods must be a whole number (1 or more)');
  }
  assert.equal(ReferencePeriodsEchoSchema.safeParse({ referencePeriods: 13, windowPeriods: 104 }).success, true);
  assert.equal(ReferencePeriodsEchoSchema.safeParse({ referencePeriods: 0, windowPeriods: 104 }).success, false);
});
