import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../random/rng.ts';
import { uniform } from '../random/distributions.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { planPeriods } from './plan-periods.ts';
import { planValue } from './plan-objective.ts';
import type { PlanModel, PlanResult } from './plan-types.ts';

/**
 * Random 13-period plans for 6–10 channels with concave curves (Hill shape ≤ 1, Michaelis–Menten) and
 * lags of 0–52 periods: the size where projected gradient alone stalls short of the optimum (it fails
 * these KKT checks at 1e-4 when the dual-decomposition start is removed).
 */
function concavePlan(seed: number, nC: number): PlanModel {
  const rng = createRng(seed);
  const channels = Array.from({ length: nC }, (_, c) => {
    const L = [0, 4, 12, 52][c % 4], current = uniform(rng, 1, 20), scale = current * uniform(rng, 0.5, 2);
    const weights = L === 0 ? [1] : Array.from(adstockWeights({ type: 'geometric', alpha: uniform(rng, 0.2, 0.9) }, L, true));
    const saturation = c % 3 === 2
      ? { type: 'michaelis-menten' as const, halfSaturation: uniform(rng, 0.5, 3) }
      : { type: 'hill' as const, halfSaturation: uniform(rng, 0.5, 3), shape: uniform(rng, 0.5, 1) };
    return { name: `c${c}`, current, coef: uniform(rng, 1, 10) * current, gain: 1 / scale, saturation, weights, scale, history: Array.from({ length: L }, () => current * uniform(rng, 0, 2)) };
  });
  return { channels, baseline: 0 };
}

const bounds = { defaults: { min: { type: 'multiple' as const, value: 0.25 }, max: { type: 'multiple' as const, value: 3 } } };

/** The plan's spend [H × nChannels] period-major and the gradient of the plan objective there. */
function spendAndGradient(model: PlanModel, plan: PlanResult, H: number): { x: Float64Array; grad: Float64Array } {
  const nC = model.channels.length, x = new Float64Array(H * nC), grad = new Float64Array(H * nC);
  plan.channels.forEach((ch, c) => ch.spend.forEach((v, h) => { x[h * nC + c] = v; }));
  planValue(model.channels, x, H, grad);
  return { x, grad };
}

/**
 * KKT for one budget constraint over the variables `ks` (max Σ F s.t. Σ_ks x = B, bounds): one
 * multiplier λ; free variables have ∂F = λ, those at the lower bound ∂F ≤ λ, at the upper ∂F ≥ λ, to
 * 1e-4 relative. Within 1e-4 of its range from a bound a variable counts as at that bound (one-sided
 * test): there it can barely move, so the ascent rightly stops caring about its marginal.
 */
function assertKkt(label: string, ks: readonly number[], x: Float64Array, grad: Float64Array, lo: (k: number) => number, hi: (k: number) => number): void {
  const free: number[] = [], atLo: number[] = [], atHi: number[] = [];
  for (const k of ks) {
    const tol = 1e-4 * (hi(k) - lo(k));
    if (x[k] <= lo(k) + tol) atLo.push(grad[k]); else if (x[k] >= hi(k) - tol) atHi.push(grad[k]); else free.push(grad[k]);
  }
  if (free.length === 0) return;
  const lambda = free.reduce((a, b) => a + b, 0) / free.length;
  for (const g of free) assert.ok(Math.abs(g - lambda) <= 1e-4 * lambda, `${label}: free marginal ${g} vs λ ${lambda}`);
  for (const g of atLo) assert.ok(g <= lambda * (1 + 1e-4), `${label}: at lower bound with marginal ${g} > λ ${lambda}`);
  for (const g of atHi) assert.ok(g >= lambda * (1 - 1e-4), `${label}: at upper bound with marginal ${g} < λ ${lambda}`);
}

test('total budget, concave curves: the plan meets the KKT conditions (equal marginal returns where free) and converges', () => {
  for (let i = 0; i < 8; i++) {
    const model = concavePlan(900 + i, 6 + (i % 5));
    const H = 13, nC = model.channels.length;
    const perPeriod = model.channels.reduce((a, c) => a + c.current, 0);
    const total = H * perPeriod * uniform(createRng(i), 0.6, 1.4);
    const plan = planPeriods(model, { periods: H, budget: { total }, constraints: bounds });
    assert.ok(plan.feasible);
    assert.ok(plan.converged, `problem ${i}: not converged after ${plan.iterations} iterations`);
    const { x, grad } = spendAndGradient(model, plan, H);
    const all = Array.from(x.keys());
    assert.ok(all.some((k) => x[k] > 0.26 * model.channels[k % nC].current && x[k] < 2.99 * model.channels[k % nC].current), `problem ${i}: no free variable`);
    assertKkt(`problem ${i}`, all, x, grad, (k) => 0.25 * model.channels[k % nC].current, (k) => 3 * model.channels[k % nC].current);
    const spent = plan.channels.reduce((a, ch) => a + ch.total, 0);
    assert.ok(Math.abs(spent - total) <= 1e-9 * total);
  }
});

test('per-period budgets, concave curves: in every period the marginal returns of free channels are equal (KKT), spend matches the budget', () => {
  for (let i = 0; i < 8; i++) {
    const model = concavePlan(950 + i, 6 + (i % 5));
    const H = 13, nC = model.channels.length;
    const perPeriodNow = model.channels.reduce((a, c) => a + c.current, 0);
    const rng = createRng(40 + i);
    const budgets = Array.from({ length: H }, () => perPeriodNow * uniform(rng, 0.6, 1.6));
    const plan = planPeriods(model, { periods: H, budget: { perPeriod: budgets }, constraints: bounds });
    assert.ok(plan.feasible);
    assert.ok(plan.converged, `problem ${i}: not converged after ${plan.iterations} iterations`);
    const { x, grad } = spendAndGradient(model, plan, H);
    for (let h = 0; h < H; h++) {
      const ks = Array.from({ length: nC }, (_, c) => h * nC + c);
      const spent = ks.reduce((a, k) => a + x[k], 0);
      assert.ok(Math.abs(spent - budgets[h]) <= 1e-9 * budgets[h], `problem ${i} period ${h}: spend ${spent} vs ${budgets[h]}`);
      assertKkt(`problem ${i} period ${h}`, ks, x, grad, (k) => 0.25 * model.channels[k % nC].current, (k) => Math.min(3 * model.channels[k % nC].current, budgets[h]));
    }
  }
});
