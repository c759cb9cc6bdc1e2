import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../random/rng.ts';
import { uniform } from '../random/distributions.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { planPeriods } from './plan-periods.ts';
import { planValue } from './plan-objective.ts';
import type { PlanModel } from './plan-types.ts';

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

test('total budget, concave curves: the plan meets the KKT conditions (equal marginal returns where free) and converges', () => {
  for (let i = 0; i < 8; i++) {
    const model = concavePlan(900 + i, 6 + (i % 5));
    const H = 13, nC = model.channels.length;
    const perPeriod = model.channels.reduce((a, c) => a + c.current, 0);
    const total = H * perPeriod * uniform(createRng(i), 0.6, 1.4);
    const bounds = { defaults: { min: { type: 'multiple' as const, value: 0.25 }, max: { type: 'multiple' as const, value: 3 } } };
    const plan = planPeriods(model, { periods: H, budget: { total }, constraints: bounds });
    assert.ok(plan.feasible);
    assert.ok(plan.converged, `problem ${i}: not converged after ${plan.iterations} iterations`);
    const x = new Float64Array(H * nC);
    plan.channels.forEach((ch, c) => ch.spend.forEach((v, h) => { x[h * nC + c] = v; }));
    const grad = new Float64Array(H * nC);
    planValue(model.channels, x, H, grad);
    // KKT for max Σ F subject to Σx = total and bounds: one λ; free variables have ∂F = λ, those at the
    // lower bound ∂F ≤ λ, at the upper bound ∂F ≥ λ.
    const free: number[] = [], atLo: number[] = [], atHi: number[] = [];
    for (let k = 0; k < x.length; k++) {
      // Within 1e-4 of its range from a bound a variable is treated as at that bound (one-sided test):
      // there it can barely move, so the ascent rightly stops caring about its marginal.
      const ch = model.channels[k % nC], lo = 0.25 * ch.current, hi = 3 * ch.current, tol = 1e-4 * (hi - lo);
      if (x[k] <= lo + tol) atLo.push(grad[k]); else if (x[k] >= hi - tol) atHi.push(grad[k]); else free.push(grad[k]);
    }
    assert.ok(free.length > 0);
    const lambda = free.reduce((a, b) => a + b, 0) / free.length;
    for (const g of free) assert.ok(Math.abs(g - lambda) <= 1e-4 * lambda, `problem ${i}: free marginal ${g} vs λ ${lambda}`);
    for (const g of atLo) assert.ok(g <= lambda * (1 + 1e-4), `problem ${i}: at lower bound with marginal ${g} > λ ${lambda}`);
    for (const g of atHi) assert.ok(g >= lambda * (1 - 1e-4), `problem ${i}: at upper bound with marginal ${g} < λ ${lambda}`);
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
    const bounds = { defaults: { min: { type: 'multiple' as const, value: 0.25 }, max: { type: 'multiple' as const, value: 3 } } };
    const plan = planPeriods(model, { periods: H, budget: { perPeriod: budgets }, constraints: bounds });
    assert.ok(plan.feasible);
    assert.ok(plan.converged, `problem ${i}: not converged after ${plan.iterations} iterations`);
    const x = new Float64Array(H * nC);
    plan.channels.forEach((ch, c) => ch.spend.forEach((v, h) => { x[h * nC + c] = v; }));
    const grad = new Float64Array(H * nC);
    planValue(model.channels, x, H, grad);
    for (let h = 0; h < H; h++) {
      let spent = 0;
      const free: number[] = [], atLo: number[] = [], atHi: number[] = [];
      for (let c = 0; c < nC; c++) {
        const k = h * nC + c, ch = model.channels[c], lo = 0.25 * ch.current, hi = Math.min(3 * ch.current, budgets[h]), tol = 1e-4 * (hi - lo);
        spent += x[k];
        if (x[k] <= lo + tol) atLo.push(grad[k]); else if (x[k] >= hi - tol) atHi.push(grad[k]); else free.push(grad[k]);
      }
      assert.ok(Math.abs(spent - budgets[h]) <= 1e-9 * budgets[h], `problem ${i} period ${h}: spend ${spent} vs ${budgets[h]}`);
      if (free.length === 0) continue;
      const mu = free.reduce((a, b) => a + b, 0) / free.length;
      for (const g of free) assert.ok(Math.abs(g - mu) <= 1e-4 * mu, `problem ${i} period ${h}: free marginal ${g} vs μ ${mu}`);
      for (const g of atLo) assert.ok(g <= mu * (1 + 1e-4), `problem ${i} period ${h}: at lower bound with marginal ${g} > μ ${mu}`);
      for (const g of atHi) assert.ok(g >= mu * (1 - 1e-4), `problem ${i} period ${h}: at upper bound with marginal ${g} < μ ${mu}`);
    }
  }
});
