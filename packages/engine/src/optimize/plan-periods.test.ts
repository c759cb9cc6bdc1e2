import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelContribution } from '../model/channel-response.ts';
import type { ModelChannel } from '../model/mmm-model.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { planPeriods } from './plan-periods.ts';
import { planValue } from './plan-objective.ts';
import { allocateBudget } from './allocate-budget.ts';
import type { PlanChannel, PlanModel } from './plan-types.ts';

const geo = (alpha: number, maxLag: number): number[] => Array.from(adstockWeights({ type: 'geometric', alpha }, maxLag, true));

function chan(name: string, coef: number, k: number, shape: number, scale: number, weights: number[], history: number[], current: number): PlanChannel {
  return { name, current, coef, gain: 1 / scale, saturation: { type: 'hill', halfSaturation: k, shape }, weights, scale, history };
}

test('planValue matches channelContribution over history + plan + zeros (carry-in and carry-out)', () => {
  const history = [5, 0, 8, 3, 4, 6];
  const ch = chan('tv', 7, 1.2, 1.6, 4, geo(0.6, 4), history, 4);
  const plan = [2, 9, 0, 5];
  const mc: ModelChannel = { name: 'tv', column: 'tv_spend', spend: [], adstock: { type: 'geometric', alpha: 0.6 }, maxLag: 4, saturation: ch.saturation, scale: 4, coef: 7 };
  const full = channelContribution(mc, [...history, ...plan, 0, 0, 0, 0]);
  const v = planValue([ch], Float64Array.from(plan), 4);
  let win = 0, out = 0;
  for (let t = 6; t < 10; t++) win += full[t];
  for (let t = 10; t < 14; t++) out += full[t];
  assert.ok(Math.abs(v.window[0] - win) < 1e-12 * win);
  assert.ok(Math.abs(v.carryOut[0] - out) < 1e-12 * out);
});

test('planValue with spend after the plan: the carry-out is what history and plan add on top of it (closed form at a steady level)', () => {
  // Spend c before, during and after the plan: every adstocked level is c (normalised weights), so the
  // window earns H·coef·f(c/scale) and the carry-out Σ_{t ≥ H} coef·[f(c/scale) − f(A_t/scale)], A_t = c·Σ_{l ≤ t−H} w[l].
  const w = geo(0.6, 4), c = 3, H = 5;
  const ch: PlanChannel = { ...chan('tv', 7, 1.2, 1.6, 4, w, Array(4).fill(c), c), after: c };
  const f = (a: number): number => { const r = Math.pow(a / 4 / 1.2, 1.6); return (7 * r) / (1 + r); };
  const v = planValue([ch], new Float64Array(H).fill(c), H);
  assert.ok(Math.abs(v.window[0] - H * f(c)) < 1e-12 * H * f(c));
  let out = 0, cum = 0;
  for (let l = 0; l < 4; l++) { cum += w[l]; out += f(c) - f(c * cum); }
  assert.ok(Math.abs(v.carryOut[0] - out) < 1e-12 * out, `${v.carryOut[0]} vs ${out}`);
  // Going dark instead, the same spend leaves more after the plan on a concave curve (Hill shape ≤ 1):
  // its carryover meets an empty curve.
  const concave = { ...ch, saturation: { type: 'hill' as const, halfSaturation: 1.2, shape: 0.9 } };
  const dark = planValue([{ ...concave, after: 0 }], new Float64Array(H).fill(c), H);
  const cont = planValue([concave], new Float64Array(H).fill(c), H);
  assert.equal(dark.window[0], cont.window[0]);
  assert.ok(dark.carryOut[0] > cont.carryOut[0], `${dark.carryOut[0]} vs ${cont.carryOut[0]}`);
});

test('planPeriods: when current spend is the steady-state optimum and continues after the plan, the best plan is current spend in every period', () => {
  // Concave curves: at the steady-state optimum every channel's marginal return is the same, and with
  // spend at that level before, during and after the plan every period's gradient equals it (KKT).
  const base = [chan('tv', 40, 2, 1, 10, geo(0.5, 4), [], 10), chan('radio', 12, 0.5, 0.8, 10, geo(0.2, 4), [], 10)];
  const opt = allocateBudget({ baseline: 0, channels: base }, { budget: 20 });
  assert.ok(opt.feasible);
  const steady = base.map((ch, c) => ({ ...ch, current: opt.channels[c].recommended, history: Array(4).fill(opt.channels[c].recommended) }));
  const H = 6;
  const cont = planPeriods({ baseline: 0, channels: steady.map((ch) => ({ ...ch, after: ch.current })) }, { periods: H, budget: { total: 20 * H } });
  assert.ok(cont.feasible);
  cont.channels.forEach((ch, c) => ch.spend.forEach((s, h) => assert.ok(Math.abs(s - steady[c].current) < 1e-3 * 20, `${ch.channel} period ${h + 1}: ${s} vs ${steady[c].current}`)));
  // Going dark after the plan moves spend into its last period, whose carryover then meets an empty curve.
  const dark = planPeriods({ baseline: 0, channels: steady }, { periods: H, budget: { total: 20 * H } });
  assert.ok(dark.feasible);
  assert.ok(dark.budgetPerPeriod[H - 1] > 1.2 * dark.budgetPerPeriod[0], `dark: ${dark.budgetPerPeriod.map((b) => b.toFixed(2)).join(' ')}`);
});

test('planValue gradient agrees with central finite differences', () => {
  const chans = [chan('a', 5, 1, 2.5, 3, geo(0.5, 3), [1, 2, 3], 3), chan('b', 3, 0.8, 0.8, 2, [1], [], 2)];
  const x = Float64Array.of(1, 2, 3, 0.5, 2.5, 1.5);
  const grad = new Float64Array(6);
  planValue(chans, x, 3, grad);
  const f = (v: Float64Array): number => { const r = planValue(chans, v, 3); return r.window[0] + r.window[1] + r.carryOut[0] + r.carryOut[1]; };
  for (let i = 0; i < 6; i++) {
    const h = 1e-5, p = Float64Array.from(x), m = Float64Array.from(x);
    p[i] += h; m[i] -= h;
    const fd = (f(p) - f(m)) / (2 * h);
    assert.ok(Math.abs(fd - grad[i]) < 1e-6 * Math.max(1, Math.abs(fd)), `coordinate ${i}: ${fd} vs ${grad[i]}`);
  }
});

test('without carryover and with per-period budgets, each period is the steady-state optimum', () => {
  const chans = [chan('a', 10, 2, 1, 1, [1], [], 1), chan('b', 4, 1, 0.7, 1, [1], [], 1)];
  const model: PlanModel = { channels: chans, baseline: 50 };
  const r = planPeriods(model, { periods: 3, budget: { perPeriod: [2, 4, 3] } });
  assert.ok(r.feasible);
  [2, 4, 3].forEach((b, h) => {
    const ss = allocateBudget(model, { budget: b });
    assert.ok(ss.feasible);
    ss.channels.forEach((c, k) => assert.ok(Math.abs(r.channels[k].spend[h] - c.recommended) < 1e-6, `${h} ${k}`));
    assert.ok(Math.abs(r.budgetPerPeriod[h] - b) < 1e-9);
  });
  assert.equal(r.kpi.recommended.carryOut, 0);
});

test('total budget, concave curves, no carryover: the even spread is optimal; S-curves pulse', () => {
  const concave: PlanModel = { channels: [chan('a', 10, 2, 1, 1, [1], [], 1)], baseline: 0 };
  const r = planPeriods(concave, { periods: 4, budget: { total: 8 } });
  assert.ok(r.feasible);
  for (const v of r.channels[0].spend) assert.ok(Math.abs(v - 2) < 1e-6, String(v));
  // Hill shape 3, K = 4, budget 2 per period: steady 2 per period gives 4·(1/9)·… ; concentrating
  // the 8 units into fewer periods earns more (the curve is convex below its inflection at ≈ 3.2).
  const s: PlanModel = { channels: [chan('a', 10, 4, 3, 1, [1], [], 2)], baseline: 0 };
  const p = planPeriods(s, { periods: 4, budget: { total: 8 } });
  assert.ok(p.feasible);
  const even = 4 * 10 * (8 / (8 + 64)); // 4 periods × f(2) = 2³/(2³ + 4³)
  assert.ok(p.kpi.recommended.window > even * 1.5, `${p.kpi.recommended.window} vs even ${even}`);
  assert.ok(Math.abs(p.channels[0].total - 8) < 1e-9);
});

test('carry-out counts: with a long lag the total objective beats the window-only one after the window', () => {
  const w = geo(0.8, 8);
  const m: PlanModel = { channels: [chan('a', 10, 2, 1, 4, w, [4, 4, 4, 4, 4, 4, 4, 4], 4), chan('b', 6, 1, 1, 4, [1], [], 4)], baseline: 0 };
  const tot = planPeriods(m, { periods: 6, budget: { total: 48 } });
  const win = planPeriods(m, { periods: 6, budget: { total: 48 }, objective: 'window' });
  assert.ok(tot.feasible && win.feasible);
  assert.ok(win.kpi.recommended.window >= tot.kpi.recommended.window - 1e-9);
  assert.ok(tot.kpi.recommended.window + tot.kpi.recommended.carryOut >= win.kpi.recommended.window + win.kpi.recommended.carryOut - 1e-9);
  // The window-only plan moves channel a's spend (long carry-out) away from the last periods.
  assert.ok(win.channels[0].spend[5] < tot.channels[0].spend[5]);
});

test('planValue low / high: the extreme adstocked levels inside the window from history and plan (hand values)', () => {
  // Weights [0.5, 0.3, 0.2]; history [10, 20] then plan [0, 40, 40]:
  // t0 = 0.5·0 + 0.3·20 + 0.2·10 = 8, t1 = 0.5·40 + 0.3·0 + 0.2·20 = 24, t2 = 0.5·40 + 0.3·40 + 0.2·0 = 32.
  const ch = chan('tv', 1, 1, 1, 1, [0.5, 0.3, 0.2], [10, 20], 10);
  const one = planValue([ch], Float64Array.of(0, 40, 40), 3);
  assert.deepEqual([Array.from(one.low), Array.from(one.high)], [[8], [32]]);
  // Plan [40, 40, 40]: 28, 36, 40 inside the window; the carry-out after it (20, 8) does not count.
  const flat = planValue([ch], Float64Array.of(40, 40, 40), 3);
  assert.deepEqual([flat.low[0], flat.high[0]], [28, 40]);
  // Column 1 of a two-channel plan, row-major [H × 2].
  const two = planValue([ch, ch], Float64Array.of(99, 0, 99, 40, 99, 40), 3);
  assert.deepEqual([two.low[1], two.high[1]], [8, 32]);
});

test('a plan reaching adstocked levels outside the observed range is flagged beyondData, with the range; inside it is not', () => {
  const observed = { low: 0.8, high: 1.2 };
  const model = (o?: { low: number; high: number }): PlanModel => ({
    channels: [{ ...chan('a', 10, 2, 1, 1, [1], [1], 1), ...(o ? { observed: o } : {}) }, { ...chan('b', 4, 1, 0.7, 1, [1], [1], 1), observed }],
    baseline: 0,
  });
  const locked = planPeriods(model(observed), { periods: 2, budget: { total: 4 }, constraints: { locks: { a: true, b: true } } });
  assert.ok(locked.feasible);
  assert.deepEqual(locked.channels.map((c) => [c.beyondData, c.levels.low, c.levels.high]), [[null, 1, 1], [null, 1, 1]]);
  // Twice the budget with b held at current: a must run at 3 per period, above its observed 1.2.
  const more = planPeriods(model(observed), { periods: 2, budget: { total: 8 }, constraints: { locks: { b: true } } });
  assert.ok(more.feasible);
  assert.deepEqual(more.channels.map((c) => c.beyondData), ['above', null]);
  assert.deepEqual(more.channels[0].dataRange, observed);
  assert.ok(Math.abs(more.channels[0].levels.high - 3) < 1e-6);
  // Without a range, nothing is flagged.
  const none = planPeriods(model(), { periods: 2, budget: { total: 8 }, constraints: { locks: { b: true } } });
  assert.ok(none.feasible);
  assert.deepEqual([none.channels[0].beyondData, none.channels[0].dataRange], [null, null]);
});

test('a plan budget within the 1e-8 budget slack below the lower bounds spends exactly the lower bounds; shares no budget meets conflict', () => {
  const chans = [chan('a', 10, 2, 1, 1, [1], [], 1), chan('b', 4, 1, 0.7, 1, [1], [], 3)];
  const model: PlanModel = { channels: chans, baseline: 50 };
  const floor = { defaults: { min: { type: 'multiple' as const, value: 0.5 } } }; // 0.5 + 1.5 = 2 per period
  for (const budget of [{ total: 4 * 2 * (1 - 5e-9) }, { perPeriod: [2 * (1 - 5e-9), 3, 2, 2] }]) {
    const r = planPeriods(model, { periods: 4, budget, constraints: floor });
    assert.ok(r.feasible, !r.feasible ? r.message : '');
    assert.deepEqual(r.channels.map((c) => c.spend[0]), [0.5, 1.5]);
    for (const c of r.channels) for (const v of c.spend) assert.ok(v >= 0.5 * chans.find((x) => x.name === c.channel)!.current);
  }
  const below = planPeriods(model, { periods: 4, budget: { total: 4 * 2 * (1 - 1e-6) }, constraints: floor });
  assert.ok(!below.feasible && below.reason === 'BUDGET_BELOW_MINIMUM');
  // Lower shares of 60 % each (120 %): no total helps.
  const shares = planPeriods(model, { periods: 4, budget: { total: 8 }, constraints: { defaults: { min: { type: 'share', value: 0.6 } } } });
  assert.ok(!shares.feasible && shares.reason === 'CONFLICTING_BOUNDS', JSON.stringify(shares));
});
