import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PLAN_PERIODS, PLAN_BUDGET_OR_TARGET, PlanRequestSchema, PlanResponseSchema } from './plan.ts';

test('plan request: periods is required; no bounds, no locks and current spend after the plan by default', () => {
  assert.deepEqual(PlanRequestSchema.parse({ periods: 13 }), { periods: 13, bounds: {}, locks: [], afterPlan: 'current' });
  const r = PlanRequestSchema.parse({ periods: 4, budget: 5000, bounds: { tv: { min: 10, max: 900 } }, locks: ['radio'], afterPlan: 'dark' });
  assert.deepEqual(r.bounds.tv, { min: 10, max: 900 });
  assert.equal(r.afterPlan, 'dark');
  assert.equal(PlanRequestSchema.parse({ periods: MAX_PLAN_PERIODS }).periods, 104);
});

test('plan request: missing, fractional or too many periods, a negative budget, min > max and an unknown afterPlan are rejected with paths', () => {
  const paths = (v: unknown): string[] => (PlanRequestSchema.safeParse(v).error?.issues ?? []).map((i) => i.path.join('.')).sort();
  assert.deepEqual(paths({}), ['periods']);
  assert.deepEqual(paths({ periods: 2.5 }), ['periods']);
  assert.deepEqual(paths({ periods: 105 }), ['periods']);
  assert.deepEqual(paths({ periods: 0, budget: -1, bounds: { tv: { min: 10, max: 5 } }, afterPlan: 'none' }), ['afterPlan', 'bounds.tv.min', 'budget', 'periods']);
});

test('plan response: per-period spend per channel, window and carry-out, a null or two-number lift interval', () => {
  const channel = {
    channel: 'tv', spend: [10, 12], current: 22, recommended: 22, change: 0, changeShare: 0,
    kpiCurrent: { window: 5, carryOut: 1 }, kpiRecommended: { window: 5.2, carryOut: 0.9 },
    roiCurrent: 0.27, roiRecommended: 0.28, mroiCurrent: 0.1, mroiRecommended: 0.1,
    bound: 'free', lower: 0, upper: null, levels: { low: 10, high: 12 }, dataRange: { low: 5, high: 20 }, beyondData: null,
  };
  const compared = { current: 1, recommended: 1.1, lift: 0.1 };
  const response = {
    referencePeriods: 13, windowPeriods: 104, kpi: 'sales', periods: 2, dates: ['2025-01-06', '2025-01-13'], afterPlan: 'current', objective: { type: 'budget', value: null }, target: null, budget: 22, currentBudget: 22, budgetPerPeriod: [10, 12],
    allocation: [channel],
    expected: { current: 106, recommended: 106.1, lift: 0.1, liftShare: 0.001, liftInterval: null, replicates: 0, window: compared, carryOut: compared },
    binding: ['budget'], iterations: 12, converged: true, recommendation: 'Spend 22 over the next 2 periods …',
    margin: null, profit: null, holidays: null,
  };
  assert.equal(PlanResponseSchema.safeParse(response).success, true);
  // The model's holiday events on the plan, as the CLI's plan.holidays and its line; required (null without them).
  const holidays = {
    periods: [{ date: '2025-01-06', holidays: [] }, { date: '2025-01-13', holidays: ['us-mlk-day'] }], kpi: -12.5,
    events: [{ name: 'holiday_us_mlk_day', holidays: ['us-mlk-day'], placed: true }], calendar: 'recorded', weekLabel: 'start', text: 'holidays from --holidays in the plan: …',
  };
  assert.deepEqual(PlanResponseSchema.parse({ ...response, holidays }).holidays, holidays);
  assert.equal(PlanResponseSchema.safeParse({ ...response, holidays: undefined }).success, false);
  assert.equal(PlanResponseSchema.safeParse({ ...response, holidays: { ...holidays, calendar: 'guessed' } }).success, false);
  assert.equal(PlanResponseSchema.safeParse({ ...response, expected: { ...response.expected, liftInterval: [0.05, 0.2], replicates: 100 } }).success, true);
  assert.equal(PlanResponseSchema.safeParse({ ...response, margin: 0.3, profit: { current: 9.8, recommended: 9.83, lift: 0.03 } }).success, true);
  assert.equal(PlanResponseSchema.safeParse({ ...response, margin: undefined }).success, false);
  // A sparse channel's range keeps how few periods it spent in (the dashboard and API clients read it).
  const sparse = { ...channel, dataRange: { low: 5, high: 20, sparse: { active: 3, periods: 156, first: 49, kind: 'few' } } };
  const parsed = PlanResponseSchema.safeParse({ ...response, allocation: [sparse] });
  assert.deepEqual(parsed.data?.allocation[0].dataRange, sparse.dataRange);
  assert.equal(PlanResponseSchema.safeParse({ ...response, allocation: [{ ...sparse, dataRange: { low: 5, high: 20, sparse: { active: 3, periods: 156, first: 49, kind: 'rare' } } }] }).success, false);
  const bad = PlanResponseSchema.safeParse({ ...response, afterPlan: 'off', expected: { ...response.expected, liftInterval: [0.05] } });
  assert.deepEqual(bad.error?.issues.map((i) => i.path.join('.')).sort(), ['afterPlan', 'expected.liftInterval']);
});

test('plan request: a KPI target instead of a budget; both at once are refused with one plain message at targetKpi', () => {
  assert.deepEqual(PlanRequestSchema.parse({ periods: 13, targetKpi: 2.5e6 }), { periods: 13, targetKpi: 2.5e6, bounds: {}, locks: [], afterPlan: 'current' });
  const both = PlanRequestSchema.safeParse({ periods: 13, budget: 1e6, targetKpi: 2.5e6 });
  assert.deepEqual(both.error?.issues.map((i) => [i.path.join('.'), i.message]), [['targetKpi', PLAN_BUDGET_OR_TARGET]]);
  assert.deepEqual(PlanRequestSchema.safeParse({ periods: 13, targetKpi: -1 }).error?.issues.map((i) => i.message), ['the KPI target (targetKpi) must be a number from 0 to 1,000,000,000,000,000 (1e15)']);
});

test('plan request: a margin above 0, as on /optimize; 0 or a string is refused at margin', () => {
  assert.equal(PlanRequestSchema.parse({ periods: 4, margin: 0.3 }).margin, 0.3);
  for (const bad of [0, -1, '0.3']) assert.deepEqual(PlanRequestSchema.safeParse({ periods: 4, margin: bad }).error?.issues.map((i) => i.path.join('.')), ['margin'], String(bad));
});
