import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planForKpiTarget } from './plan-for-target.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import type { PlanChannel, PlanModel } from './plan-types.ts';

/** A Michaelis–Menten channel r(a) = coef·a/(1 + a) (scale 1, gain 1) with the given lag weights and no history. */
const mm = (name: string, coef: number, weights: number[], current: number): PlanChannel => ({
  name, current, coef, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 1 }, weights, scale: 1, history: [], after: current,
});

test('planForKpiTarget without carryover: the closed-form least budget (4 per period), planned for the window and compared with current spend', () => {
  // Two channels c = (4, 1), K = 1, no lag: the best media KPI per period at budget B is V(B) = 5 − 9/(B + 2);
  // a target of H·(10 + 3.5) needs B = 4 per period, split (3, 1) where the marginals 4/(1+x)² = 1/(1+y)² meet.
  const pm: PlanModel = { baseline: 10, channels: [mm('a', 4, [1], 2), mm('b', 1, [1], 2)] };
  const H = 4;
  const r = planForKpiTarget(pm, { periods: H, targetKpi: H * 13.5 });
  assert.ok(r.feasible, JSON.stringify(r));
  assert.ok(Math.abs(r.least.total - 16) < 1e-4, String(r.least.total));
  assert.ok(Math.abs(r.plan.budgetPerPeriod.reduce((s, v) => s + v, 0) - r.least.total) < 1e-6);
  assert.ok(r.plan.kpi.recommended.window >= H * 13.5 * (1 - 1e-9), String(r.plan.kpi.recommended.window));
  for (const x of r.plan.channels[0].spend) assert.ok(Math.abs(x - 3) < 1e-3, String(x));
  // Current spend held (2 + 2 per period) brings 10 + 4·2/3 + 1·2/3 = 13.33 per period, below the target.
  assert.ok(Math.abs(r.current.kpi.current.window - H * (10 + 10 / 3)) < 1e-6);
});

test('planForKpiTarget: a target beyond what the bounds allow is the budget step\'s Infeasible, marked as such', () => {
  const w = Array.from(adstockWeights({ type: 'geometric', alpha: 0.6 }, 8, true));
  const pm: PlanModel = { baseline: 0, channels: [mm('a', 4, w, 2), mm('b', 1, w, 2)] };
  const r = planForKpiTarget(pm, { periods: 6, targetKpi: 1e6 });
  assert.ok(!r.feasible);
  assert.equal(r.reason, 'TARGET_UNREACHABLE');
  assert.equal(r.stage, 'budget');
});
