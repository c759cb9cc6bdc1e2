import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../random/rng.ts';
import { uniform } from '../random/distributions.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { planPeriods } from './plan-periods.ts';
import { planValue } from './plan-objective.ts';
import type { PlanModel } from './plan-types.ts';

/** Random plan problems with concave curves (Hill shape ≤ 1, Michaelis–Menten) and lags of 0–52 periods. */
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
  for (let i = 0; i < 12; i++) {
    const model = concavePlan(900 + i, 3 + (i % 4));
    const H = 6 + (i % 8), nC = model.channels.length;
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
      const ch = model.channels[k % nC], lo = 0.25 * ch.current, hi = 3 * ch.current, tol = 1e-7 * hi;
      if (x[k] <= lo + tol) atLo.push(grad[k]); else if (x[k] >= hi - tol) atHi.push(grad[k]); else free.push(grad[k]);
    }
    assert.ok(free.length > 0);
    const lambda = free.reduce((a, b) => a + b, 0) / free.length;
    for (const g of free) assert.ok(Math.abs(g - lambda) <= 1e-5 * lambda, `problem ${i}: free marginal ${g} vs λ ${lambda}`);
    for (const g of atLo) assert.ok(g <= lambda * (1 + 1e-5), `problem ${i}: at lower bound with marginal ${g} > λ ${lambda}`);
    for (const g of atHi) assert.ok(g >= lambda * (1 - 1e-5), `problem ${i}: at upper bound with marginal ${g} < λ ${lambda}`);
    const spent = plan.channels.reduce((a, ch) => a + ch.total, 0);
    assert.ok(Math.abs(spent - total) <= 1e-9 * total);
  }
});
