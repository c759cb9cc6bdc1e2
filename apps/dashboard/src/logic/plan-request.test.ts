import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planModelFromMmm, planVersusCurrent } from '@mixwise/engine';
import { testModel } from '../worker/test-model.ts';
import { planRequest, planTargetText, type PlanFields } from './plan-request.ts';

const fields: PlanFields = { mode: 'budget', periods: 13, budgetText: null, followed: 4_940_000, targetText: '', constraints: {}, afterPlan: 'current' };

test('planRequest: a budget over the plan (following the simulator until typed), or a KPI target instead, never both', () => {
  assert.deepEqual(planRequest(fields, 104), { request: { type: 'plan', periods: 13, constraints: {}, afterPlan: 'current', total: 4_940_000 }, problem: null });
  assert.deepEqual(planRequest({ ...fields, budgetText: '2.6M', afterPlan: 'dark' }, 104).request, { type: 'plan', periods: 13, constraints: {}, afterPlan: 'dark', total: 2_600_000 });
  // KPI-target mode sends the target, not the budget the budget field would give.
  const target = planRequest({ ...fields, mode: 'target', targetText: '4,100,000', budgetText: '2.6M' }, 104);
  assert.deepEqual(target, { request: { type: 'plan', periods: 13, constraints: {}, afterPlan: 'current', targetKpi: 4_100_000 }, problem: null });
  assert.equal(target.request !== null && 'total' in target.request, false);
});

test('planRequest: no request while a field is empty, not an amount, the periods out of range or the limits unusable; a problem only for text that is not an amount', () => {
  assert.deepEqual(planRequest({ ...fields, mode: 'target', targetText: ' ' }, 104), { request: null, problem: null });
  const bad = planRequest({ ...fields, mode: 'target', targetText: '4,1' }, 104);
  assert.equal(bad.request, null);
  assert.match(bad.problem ?? '', /^The KPI target must be an amount of 0 or more, such as 4100000/);
  // The budget field's problem is not the target's: in target mode a bad budget text does not block.
  assert.ok(planRequest({ ...fields, mode: 'target', targetText: '4.1M', budgetText: '1,5' }, 104).request);
  assert.match(planRequest({ ...fields, budgetText: '1,5' }, 104).problem ?? '', /^The budget over the plan must be an amount/);
  for (const periods of [0, 2.5, 105]) assert.equal(planRequest({ ...fields, periods }, 104).request, null, String(periods));
  assert.equal(planRequest({ ...fields, constraints: null }, 104).request, null);
});

test('planTargetText: the CLI\'s sentence on the least budget, then the plan\'s KPI inside the window and after it', () => {
  const pm = planModelFromMmm(testModel());
  const cmp = planVersusCurrent(pm, { periods: 4, total: 64, objective: 'window' });
  assert.ok(cmp.feasible);
  const text = planTargetText({ kpi: 1000, total: 64, window: cmp.plan.kpi.recommended.window, floor: false }, cmp, 'week', 'current');
  assert.match(text, /^To reach 1,000 inside the next 4 weeks \(current spend is predicted to bring [\d,.]+\), the least budget that reaches it is 64 over them, planned for the KPI inside the window/);
  assert.match(text, / Predicted KPI inside the 4 periods: [\d,.]+ → [\d,.]+ \([+−-][\d,.]+\); carry-out after them: .*, on top of current spend resumed after the plan\.$/);
  assert.match(planTargetText({ kpi: 10, total: 30, window: 12, floor: true }, cmp, 'week', 'dark'), /the lower bounds and locks alone reach it, so the least budget is their total, 30\..*assuming no spend after the plan\.$/);
});
