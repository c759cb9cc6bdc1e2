import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { planPeriods } from './plan-periods.ts';
import { planValue } from './plan-objective.ts';
import { allocateBudget } from './allocate-budget.ts';
import { createRng } from '../random/rng.ts';
import type { PlanChannel, PlanModel, PlanOptions, PlanResult } from './plan-types.ts';

// Independent reference for two-channel plans: channel a gets y[k] of each free coordinate, channel b the
// rest, so the plan's objective (planValue: window + carry-out) is a function of few variables that a
// brute-force lattice followed by a compass (pattern) search maximises without any gradient.

const geo = (alpha: number, maxLag: number): number[] => Array.from(adstockWeights({ type: 'geometric', alpha }, maxLag, true));

function chan(name: string, coef: number, k: number, shape: number, scale: number, weights: number[], history: number[], current: number): PlanChannel {
  return { name, current, coef, gain: weights.reduce((a, b) => a + b, 0) / scale, saturation: { type: 'hill', halfSaturation: k, shape }, weights, scale, history };
}

const total = (m: PlanModel, x: Float64Array, H: number): number => {
  const v = planValue(m.channels, x, H);
  return v.window[0] + v.window[1] + v.carryOut[0] + v.carryOut[1];
};

/** Maximise f over the box [0, ub]^n: a lattice of `steps` per axis, then compass search down to 1e-10·ub. */
function bruteForce(f: (y: number[]) => number, n: number, ub: number[], steps: number): { y: number[]; f: number } {
  let best = { y: new Array<number>(n).fill(0), f: -Infinity };
  const idx = new Array<number>(n).fill(0);
  for (;;) {
    const y = idx.map((i, k) => (ub[k] * i) / steps);
    const v = f(y);
    if (v > best.f) best = { y, f: v };
    let k = 0;
    while (k < n && ++idx[k] > steps) idx[k++] = 0;
    if (k === n) break;
  }
  let step = 1 / steps;
  while (step > 1e-10) {
    let moved = false;
    for (let k = 0; k < n; k++) for (const dir of [1, -1]) {
      const y = best.y.slice();
      y[k] = Math.min(ub[k], Math.max(0, y[k] + dir * step * ub[k]));
      const v = f(y);
      if (v > best.f) { best = { y, f: v }; moved = true; }
    }
    if (!moved) step /= 2;
  }
  return best;
}

const planTotal = (m: PlanModel, r: PlanResult): number => {
  const H = r.periods, x = new Float64Array(2 * H);
  for (let h = 0; h < H; h++) { x[2 * h] = r.channels[0].spend[h]; x[2 * h + 1] = r.channels[1].spend[h]; }
  return total(m, x, H);
};

// Channel a: concave Hill (shape 0.7, f'(0) = ∞) whose Weibull-like lag weights end in exact zeros
// (as fitted Weibull-PDF adstocks do); channel b: S-shaped with a long geometric carryover and history.
const model: PlanModel = {
  baseline: 100,
  channels: [
    chan('a', 30, 1.5, 0.7, 10, [0.7, 0.3, 0, 0, 0], [12, 8, 10, 9], 10),
    chan('b', 40, 0.9, 2.2, 10, geo(0.75, 6), [0, 0, 30, 30, 25, 20], 10),
  ],
};

test('per-period budgets, 2 channels × 4 periods: matches a brute-force optimum of the plan objective', () => {
  const budgets = [20, 20, 20, 20];
  const f = (y: number[]): number => total(model, Float64Array.from(budgets.flatMap((b, h) => [y[h], b - y[h]])), 4);
  const ref = bruteForce(f, 4, budgets, 16);
  const r = planPeriods(model, { periods: 4, budget: { perPeriod: budgets } });
  assert.ok(r.feasible);
  const got = planTotal(model, r);
  // Reference value from the lattice + compass search above; Mixwise must match it (and may beat it slightly).
  assert.ok(got >= ref.f - 1e-7 * Math.abs(ref.f), `planPeriods ${got} vs brute force ${ref.f} (y = ${ref.y.map((v) => v.toFixed(4)).join(', ')}); plan a = ${r.channels[0].spend.map((v) => v.toFixed(4)).join(', ')}; ${r.iterations} iterations`);
  assert.ok(r.converged);
});

test('total budget, 2 channels × 2 periods (timing free): matches a brute-force optimum', () => {
  const B = 40;
  // y = [a in period 1, b in period 1, a in period 2]; b in period 2 is the rest (infeasible points score −∞).
  const f = (y: number[]): number => (y[0] + y[1] + y[2] > B ? -Infinity : total(model, Float64Array.of(y[0], y[1], y[2], B - y[0] - y[1] - y[2]), 2));
  const ref = bruteForce(f, 3, [B, B, B], 40);
  const r = planPeriods(model, { periods: 2, budget: { total: B } });
  assert.ok(r.feasible);
  const got = planTotal(model, r);
  assert.ok(got >= ref.f - 1e-7 * Math.abs(ref.f), `planPeriods ${got} vs brute force ${ref.f} (y = ${ref.y.map((v) => v.toFixed(4)).join(', ')})`);
});

test('never worse than repeating the steady-state optimum or the current spend, by the plan objective', () => {
  const options: PlanOptions = { periods: 4, budget: { total: 80 }, constraints: { defaults: { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 1.5 } } } };
  const r = planPeriods(model, options);
  assert.ok(r.feasible);
  const got = planTotal(model, r);
  const ss = allocateBudget(model, { budget: 20, constraints: options.constraints });
  assert.ok(ss.feasible);
  const steady = Float64Array.from({ length: 8 }, (_, i) => ss.channels[i % 2].recommended);
  const current = Float64Array.from({ length: 8 }, (_, i) => model.channels[i % 2].current);
  assert.ok(got >= total(model, steady, 4) - 1e-9 * got, `${got} vs steady state repeated ${total(model, steady, 4)}`);
  assert.ok(got >= total(model, current, 4) - 1e-9 * got, `${got} vs current ${total(model, current, 4)}`);
  assert.ok(r.kpi.lift.total >= -1e-9 * got);
  assert.ok(r.converged);
});

test('random plans (lags with zero tails, Hill shapes 0.5–3, bounds, total or per-period budgets): never worse than steady state repeated or current spend', () => {
  const rng = createRng(2024);
  const u = (a: number, b: number): number => a + (b - a) * rng.next();
  for (let trial = 0; trial < 60; trial++) {
    const H = 2 + (trial % 5), nC = 2 + (trial % 3);
    const channels: PlanChannel[] = Array.from({ length: nC }, (_, c) => {
      const L = 1 + Math.floor(u(0, 8));
      const raw = Array.from({ length: L + 1 }, (_, l) => (trial % 2 === 0 && l > 1 ? 0 : Math.pow(u(0.2, 0.8), l)));
      const current = u(5, 20);
      return chan(`c${c}`, u(5, 50), u(0.3, 2), u(0.5, 3), current * u(0.5, 2), raw.map((w) => w / raw.reduce((a, b) => a + b, 0)), Array.from({ length: L }, () => current * u(0, 2)), current);
    });
    const m: PlanModel = { baseline: 0, channels };
    const per = channels.reduce((a, ch) => a + ch.current, 0);
    const constraints = trial % 3 === 0 ? {} : { defaults: { min: { type: 'multiple' as const, value: 0.5 }, max: { type: 'multiple' as const, value: 1.5 } } };
    const budget = trial % 4 === 0 ? { perPeriod: Array.from({ length: H }, () => per) } : { total: H * per };
    const r = planPeriods(m, { periods: H, budget, constraints });
    assert.ok(r.feasible);
    const x = new Float64Array(H * nC);
    r.channels.forEach((ch, c) => ch.spend.forEach((v, h) => { x[h * nC + c] = v; }));
    const value = (v: Float64Array): number => { const p = planValue(m.channels, v, H); return p.window.reduce((a, b) => a + b, 0) + p.carryOut.reduce((a, b) => a + b, 0); };
    const got = value(x);
    const ss = allocateBudget(m, { budget: per, constraints });
    assert.ok(ss.feasible);
    const steady = Float64Array.from({ length: H * nC }, (_, i) => ss.channels[i % nC].recommended);
    const current = Float64Array.from({ length: H * nC }, (_, i) => channels[i % nC].current);
    assert.ok(got >= value(steady) - 1e-9 * Math.abs(got), `trial ${trial}: ${got} vs steady state ${value(steady)}`);
    assert.ok(got >= value(current) - 1e-9 * Math.abs(got), `trial ${trial}: ${got} vs current ${value(current)}`);
    for (let h = 0; h < H; h++) for (let c = 0; c < nC; c++) {
      const v = x[h * nC + c], cur = channels[c].current;
      if (trial % 3 !== 0) assert.ok(v >= 0.5 * cur - 1e-9 && v <= 1.5 * cur + 1e-9, `trial ${trial}: bound ${v} vs current ${cur}`);
    }
    assert.ok(Math.abs(x.reduce((a, b) => a + b, 0) - H * per) < 1e-8 * H * per);
  }
});
