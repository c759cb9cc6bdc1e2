import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '../model/mmm-model.ts';
import { replicateModels } from '../model/replicate-models.ts';
import { quantile } from '../stats/quantile.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { planModelFromMmm } from './plan-model-from-mmm.ts';
import { planValue } from './plan-objective.ts';
import { periodMajor, planVersusCurrent } from './plan-versus-current.ts';
import type { PlanChannel, PlanModel } from './plan-types.ts';

const geo = (alpha: number, maxLag: number): number[] => Array.from(adstockWeights({ type: 'geometric', alpha }, maxLag, true));
const chan = (name: string, coef: number, k: number, scale: number, alpha: number, current: number): PlanChannel => ({
  name, current, coef, gain: 1 / scale, saturation: { type: 'hill', halfSaturation: k, shape: 1 }, weights: geo(alpha, 4), scale, history: [current, current, current, current],
});
// tv: strong and far from saturation; radio: weak and saturated, so the plan moves spend to tv.
const pm: PlanModel = { baseline: 100, channels: [chan('tv', 50, 2, 10, 0.5, 10), chan('radio', 5, 0.3, 10, 0.2, 10)] };
const total = (v: { window: Float64Array; carryOut: Float64Array }): number => v.window.reduce((a, b) => a + b, 0) + v.carryOut.reduce((a, b) => a + b, 0);

test('planVersusCurrent: current is current spend in every period; the plan spends the budget and beats it by its own KPI', () => {
  const r = planVersusCurrent(pm, { periods: 6 });
  assert.ok(r.feasible);
  for (const ch of r.current.channels) assert.deepEqual(ch.spend, Array(6).fill(10));
  const spent = r.plan.budgetPerPeriod.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(spent - 6 * 20) < 1e-6, `plan spends ${spent}`);
  // The plan's lift is measured against exactly the locked current plan: same KPI by planValue.
  const now = total(planValue(pm.channels, periodMajor(r.current), 6));
  const rec = total(planValue(pm.channels, periodMajor(r.plan), 6));
  assert.ok(Math.abs(r.plan.kpi.lift.total - (rec - now)) < 1e-9 * Math.abs(now));
  assert.ok(r.plan.kpi.lift.total > 0);
  assert.ok(r.plan.channels[0].total > r.plan.channels[1].total, 'spend moves to the unsaturated channel');
  assert.deepEqual(r.liftDraws, []);
  assert.equal(r.liftInterval, null);
});

test('planVersusCurrent: bounds and their status per channel', () => {
  const r = planVersusCurrent(pm, { periods: 4, constraints: { defaults: { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 1.5 } } } });
  assert.ok(r.feasible);
  assert.deepEqual(r.bounds.map((b) => [b.lower, b.upper]), [[5, 15], [5, 15]]);
  assert.deepEqual(r.bounds.map((b) => b.status), ['at-upper', 'at-lower']);
  const locked = planVersusCurrent(pm, { periods: 4, constraints: { locks: { radio: true } } });
  assert.ok(locked.feasible);
  assert.equal(locked.bounds[1].status, 'locked');
  assert.deepEqual(locked.plan.channels[1].spend, [10, 10, 10, 10]);
});

test('planVersusCurrent: a channel on a bound in some periods only is counted and listed as such', () => {
  // Up to 1.8× per period: radio sits on its floor throughout; tv reaches its cap only in the last
  // periods, whose carryover meets no later spend (no spend after the plan in this model).
  const r = planVersusCurrent(pm, { periods: 6, constraints: { defaults: { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 1.8 } } } });
  assert.ok(r.feasible);
  const tv = r.bounds[0], spend = r.plan.channels[0].spend;
  const capped = spend.filter((x) => x >= 18 - 1e-5).length;
  assert.ok(capped > 0 && capped < 6, `tv at its cap in some periods: ${spend.join(', ')}`);
  assert.equal(tv.status, 'free');
  assert.equal(tv.periodsAtUpper, capped);
  assert.equal(tv.periodsAtLower, 0);
  assert.deepEqual([r.bounds[1].status, r.bounds[1].periodsAtLower], ['at-lower', 6]);
  assert.deepEqual(r.binding, ['budget', `tv: upper bound in ${capped} of 6 periods`, 'radio: lower bound']);
});

test('planVersusCurrent: an impossible budget is explained, not planned', () => {
  const r = planVersusCurrent(pm, { periods: 4, total: 400, constraints: { defaults: { max: { type: 'multiple', value: 1.5 } } } });
  assert.equal(r.feasible, false);
  if (!r.feasible) assert.match(r.message, /budget/i);
});

test('planVersusCurrent: lift draws are each replicate model\'s plan KPI difference, with their 5–95 % interval', () => {
  const spend = Array.from({ length: 30 }, (_, t) => 8 + (t % 5));
  const model = {
    window: { start: 0, end: 30 }, holdout: 0, intercept: 0, baseline: [], dates: spend.map((_, t) => `2024-01-${String(1 + (t % 28)).padStart(2, '0')}`),
    actual: spend.map(() => 0),
    channels: [{ name: 'tv', column: 'tv_spend', spend, adstock: { type: 'geometric', alpha: 0.4 }, maxLag: 3, saturation: { type: 'hill', halfSaturation: 1, shape: 1 }, scale: 10, coef: 40 }],
    bootstrapRoi: Array.from({ length: 12 }, () => [1]),
    bootstrapCurves: Array.from({ length: 12 }, (_, r) => [{ adstock: { type: 'geometric', alpha: 0.2 + 0.05 * r }, saturation: { type: 'hill', halfSaturation: 0.5 + 0.1 * r, shape: 1 }, scale: 10, coef: 30 + r }]),
  } as unknown as MmmModel;
  const reps = replicateModels(model);
  const r = planVersusCurrent(planModelFromMmm(model), { periods: 3, total: 45, replicates: reps });
  assert.ok(r.feasible);
  assert.equal(r.liftDraws.length, 12);
  reps.forEach((rep, i) => {
    const p = planModelFromMmm(rep).channels;
    const expected = total(planValue(p, periodMajor(r.plan), 3)) - total(planValue(p, periodMajor(r.current), 3));
    assert.ok(Math.abs(r.liftDraws[i] - expected) < 1e-9 * Math.max(1, Math.abs(expected)), `replicate ${i}`);
  });
  assert.ok(r.liftInterval);
  assert.deepEqual(r.liftInterval, [quantile(r.liftDraws, 0.05), quantile(r.liftDraws, 0.95)]);
  assert.ok(r.liftInterval[0] < r.liftInterval[1], 'the replicates differ, so the interval has width');
});

test('planVersusCurrent: ROI is what the plan spend adds over the carry-in alone; none for a channel cut to zero; binding as allocations list it', () => {
  const r = planVersusCurrent(pm, { periods: 4, constraints: { channels: { radio: { min: { type: 'multiple', value: 0 }, max: { type: 'multiple', value: 0 } } } } });
  assert.ok(r.feasible);
  assert.ok(r.plan.channels[1].window > 0, 'radio still earns from spend before the plan');
  assert.equal(r.roi[1].recommended, null);
  // With no plan spend at all each channel earns only its carry-in: that part is not the plan's return.
  const carryIn = planValue(pm.channels, new Float64Array(4 * 2), 4);
  const added = (ch: { window: number; carryOut: number }, c: number): number => ch.window + ch.carryOut - carryIn.window[c] - carryIn.carryOut[c];
  const now = r.current.channels[1];
  assert.ok(Math.abs(r.roi[1].current! - added(now, 1) / now.total) < 1e-12);
  const tv = r.plan.channels[0];
  assert.ok(Math.abs(r.roi[0].recommended! - added(tv, 0) / tv.total) < 1e-12);
  assert.ok(r.roi[0].recommended! < (tv.window + tv.carryOut) / tv.total, 'carry-in would have flattered the ROI');
  assert.deepEqual(r.binding, ['budget', 'radio: lower bound']);
});

test('planVersusCurrent: a long-lag channel whose plan spend is small is not credited with its past spend', () => {
  // One channel with 8 periods of heavy history and weights spread over 8 lags; the plan spends little.
  const slow: PlanChannel = { ...chan('events', 50, 2, 10, 0.9, 1), weights: geo(0.9, 8), history: Array(8).fill(40) };
  const r = planVersusCurrent({ baseline: 0, channels: [slow] }, { periods: 3 });
  assert.ok(r.feasible);
  const ch = r.plan.channels[0];
  const gross = (ch.window + ch.carryOut) / ch.total, net = r.roi[0].recommended!;
  assert.ok(gross > 5 * net, `gross ${gross} vs incremental ${net}`);
  // A concave curve returns less on top of the carry-in than from zero: the same spend without history earns more.
  const fresh = total(planValue([{ ...slow, history: [] }], periodMajor(r.plan), 3)) / ch.total;
  assert.ok(net > 0 && net < fresh, `incremental ${net} vs from zero ${fresh}`);
});

test('planVersusCurrent: marginal ROI is the derivative along the channel\'s plan, equal across free channels at the optimum', () => {
  const r = planVersusCurrent(pm, { periods: 5 });
  assert.ok(r.feasible);
  const H = 5, nC = 2;
  for (const [p, key] of [[r.plan, 'recommended'], [r.current, 'current']] as const) {
    const x = periodMajor(p);
    for (let c = 0; c < nC; c++) {
      const eps = 1e-4 * p.channels[c].total, y = Float64Array.from(x);
      for (let h = 0; h < H; h++) y[h * nC + c] += (eps * x[h * nC + c]) / p.channels[c].total;
      const fd = (total(planValue(pm.channels, y, H)) - total(planValue(pm.channels, x, H))) / eps;
      assert.ok(Math.abs(r.mroi[c][key] - fd) < 1e-3 * Math.abs(fd), `${key} ${c}: ${r.mroi[c][key]} vs ${fd}`);
    }
  }
  assert.ok(r.bounds.every((b) => b.status === 'free'));
  assert.ok(Math.abs(r.mroi[0].recommended - r.mroi[1].recommended) < 1e-3 * r.mroi[0].recommended, `${r.mroi[0].recommended} vs ${r.mroi[1].recommended}`);
  assert.ok(Math.abs(r.mroi[0].current - r.mroi[1].current) > 0.1 * r.mroi[0].current, 'current spend is not balanced');
});
