import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planMinimumBudget } from './plan-minimum-budget.ts';
import { planPeriods } from './plan-periods.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import type { PlanChannel, PlanModel } from './plan-types.ts';

/** A Michaelis–Menten channel r(a) = coef·a/(1 + a) (scale 1, gain 1) with the given lag weights and no history. */
const mm = (name: string, coef: number, weights: number[], current: number): PlanChannel => ({
  name, current, coef, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 1 }, weights, scale: 1, history: [], after: current,
});

test('planMinimumBudget without carryover: H × the closed-form steady-state least budget', () => {
  // Two channels c = (4, 1), K = 1, no lag: each period is the steady-state problem, whose best media
  // KPI at budget B is V(B) = 5 − 9/(B + 2). A window target of H·(10 + 3.5) needs V = 3.5 per period,
  // B = 4 per period, so 4H over the plan (the concave plan spends evenly).
  const pm: PlanModel = { baseline: 10, channels: [mm('a', 4, [1], 2), mm('b', 1, [1], 2)] };
  const H = 4;
  const r = planMinimumBudget(pm, { periods: H, targetKpi: H * 13.5 });
  assert.ok(r.feasible, JSON.stringify(r));
  assert.ok(Math.abs(r.total - 16) < 1e-4, String(r.total));
  assert.ok(r.window >= H * 13.5 && r.window < H * 13.5 + 1e-4, String(r.window));
  assert.equal(r.floor, false);
  // A target the baseline alone reaches costs nothing (no lower bounds here).
  const none = planMinimumBudget(pm, { periods: H, targetKpi: H * 10 });
  assert.ok(none.feasible && none.total === 0 && none.floor);
});

test('planMinimumBudget with carryover: spend late in the window counts only for what lands inside it; unreachable targets say how far the bounds go', () => {
  const w = Array.from(adstockWeights({ type: 'geometric', alpha: 0.6 }, 8, true));
  const pm: PlanModel = { baseline: 0, channels: [mm('a', 4, w, 2), mm('b', 1, w, 2)] };
  const H = 6;
  const current = planPeriods(pm, { periods: H, budget: { total: H * 4 }, constraints: {}, objective: 'window' });
  assert.ok(current.feasible);
  const target = 1.1 * current.kpi.recommended.window;
  const r = planMinimumBudget(pm, { periods: H, targetKpi: target });
  assert.ok(r.feasible);
  // The least budget: its window plan reaches the target, and 0.1% less budget does not.
  const at = (total: number) => { const p = planPeriods(pm, { periods: H, budget: { total }, constraints: {}, objective: 'window' }); return p.feasible ? p.kpi.recommended.window : NaN; };
  assert.ok(at(r.total) >= target * (1 - 1e-9), `${at(r.total)} vs ${target}`);
  assert.ok(at(0.999 * r.total) < target, `${at(0.999 * r.total)} vs ${target}`);
  // Every channel at most 2× current in every period: the window KPI is capped.
  const constraints = { defaults: { max: { type: 'multiple' as const, value: 2 } } };
  const no = planMinimumBudget(pm, { periods: H, targetKpi: 10 * target, constraints });
  assert.equal(!no.feasible && no.reason, 'TARGET_UNREACHABLE');
  assert.match(!no.feasible ? no.message : '', /^The KPI target [\d,.]+ over the next 6 periods cannot be reached within the bounds: the most the plan can put inside them is about [\d,.]+, at a budget of 48 over the 6 periods\.$/);
});

test('planMinimumBudget with no current spend and no bounds: the search starts from the channels\' spend scale, not from 0, and finds the budget', () => {
  // Current spend 0 in both channels, a large baseline: the doubling must not mistake the first tiny
  // steps for a levelled-off curve. No lag, so the answer is H × the steady-state budget: V(B) = 3.5 ⇒ B = 4.
  const pm: PlanModel = { baseline: 1e6, channels: [mm('a', 4, [1], 0), mm('b', 1, [1], 0)] };
  const r = planMinimumBudget(pm, { periods: 3, targetKpi: 3 * (1e6 + 3.5) });
  assert.ok(r.feasible, JSON.stringify(r));
  assert.ok(Math.abs(r.total - 12) < 1e-3, String(r.total));
  // Beyond what the curves can give (V < 5): unreachable, said as levelling off.
  const no = planMinimumBudget(pm, { periods: 3, targetKpi: 3 * (1e6 + 6) });
  assert.equal(!no.feasible && no.details.limitedBy, 'curves');
});
