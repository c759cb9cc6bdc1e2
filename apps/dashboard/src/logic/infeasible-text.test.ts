import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateBudget, planModelFromMmm, planVersusCurrent, type ResponseModel } from '@mixwise/engine';
import { buildConstraints } from './constraints.ts';
import { scenarioInfeasibleLabel, simulatorInfeasible } from './infeasible-text.ts';
import { testModel } from '../worker/test-model.ts';

const model: ResponseModel = {
  baseline: 0,
  channels: [
    { name: 'tv', current: 1003.3, coef: 5, gain: 0.001, saturation: { type: 'michaelis-menten', halfSaturation: 1 } },
    { name: 'search', current: 501.1, coef: 5, gain: 0.002, saturation: { type: 'michaelis-menten', halfSaturation: 1 } },
  ],
};
const names = ['tv', 'search'];
const constraints = buildConstraints(names, [{ min: 0.5, max: 2, locked: false }, { min: 0.5, max: 2, locked: false }]);

test('the Optimise advice names the page\'s fields, never an "up to" budget, and the amount it advises works', () => {
  const high = allocateBudget(model, { budget: 10_000, constraints });
  assert.ok(!high.feasible && high.reason === 'BUDGET_ABOVE_MAXIMUM');
  assert.match(high.message, /up to/, 'the engine (and CLI) text offers an "up to" budget');
  const text = simulatorInfeasible(high, { field: 'total', period: 'week' });
  assert.doesNotMatch(text, /up to/);
  // Σ max = 2 × 1504.4 = 3008.8, rounded down so that it can be spent.
  assert.equal(text, 'The budget 10,000 per week cannot be spent: the Max × limits and locked channels allow at most 3,008 per week; enter a Total budget of at most 3,008, or raise a channel\'s Max × or unlock it.');
  assert.ok(allocateBudget(model, { budget: 3008, constraints }).feasible);

  const low = allocateBudget(model, { budget: 100, constraints });
  assert.ok(!low.feasible && low.reason === 'BUDGET_BELOW_MINIMUM');
  const lowText = simulatorInfeasible(low, { field: 'total', period: 'week' });
  // Σ min = 752.2, rounded up.
  assert.equal(lowText, 'The budget 100 per week is below the 753 per week that the Min × limits and locked channels require: enter a Total budget of at least 753, or lower a channel\'s Min × or unlock it.');
  assert.ok(allocateBudget(model, { budget: 753, constraints }).feasible);
});

test('the plan\'s advice names the plan\'s budget field, in totals over the plan', () => {
  const m = testModel();
  const c = buildConstraints(['tv', 'search'], [{ min: 0.5, max: 2, locked: false }, { min: 0.5, max: 2, locked: false }]);
  const r = planVersusCurrent(planModelFromMmm(m), { periods: 4, total: 1000, constraints: c });
  assert.ok(!r.feasible && r.reason === 'BUDGET_ABOVE_MAXIMUM');
  const text = simulatorInfeasible(r, { field: 'plan', periods: 4, period: 'week' });
  assert.match(text, /^The budget 1,000 over 4 weeks cannot be spent: .* enter a Budget over the plan of at most [\d,]+, .*\(a plan spends its whole budget\)\.$/);
  assert.doesNotMatch(text, /up to/);
  const most = Number(/at most ([\d,]+);/.exec(text)![1].replace(/,/g, ''));
  assert.ok(planVersusCurrent(planModelFromMmm(m), { periods: 4, total: most, constraints: c }).feasible, `the advised ${most} can be planned`);
});

test('other reasons keep the engine\'s text; scenario cells get a few words', () => {
  const other = { feasible: false as const, reason: 'TARGET_UNREACHABLE' as const, message: 'engine text', details: {} };
  assert.equal(simulatorInfeasible(other, { field: 'total', period: 'week' }), 'engine text');
  assert.equal(scenarioInfeasibleLabel({ ...other, reason: 'BUDGET_ABOVE_MAXIMUM' }), 'above the Max × limits');
  assert.equal(scenarioInfeasibleLabel({ ...other, reason: 'BUDGET_BELOW_MINIMUM' }), 'below the Min × limits');
});

test('simulatorInfeasible: a plan\'s KPI target beyond reach keeps the engine\'s sentence and advises the page\'s fields', () => {
  const r = { feasible: false as const, reason: 'TARGET_UNREACHABLE' as const, message: 'The KPI target 5,000 over the next 4 periods cannot be reached within the bounds: …', details: { targetKpi: 5000, maximumKpi: 4321.7, budget: 90, limitedBy: 'bounds' } };
  assert.equal(simulatorInfeasible(r, { field: 'plan', periods: 4, period: 'week' }), `${r.message} To get a plan, enter a KPI target of at most 4,321, or raise a channel's Max × or unlock it.`);
  assert.match(simulatorInfeasible({ ...r, details: { ...r.details, limitedBy: 'curves' } }, { field: 'plan', periods: 4, period: 'week' }), /at most 4,321: no budget reaches more\.$/);
});
