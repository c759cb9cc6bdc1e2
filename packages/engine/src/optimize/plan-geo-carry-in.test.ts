import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelContribution } from '../model/channel-response.ts';
import { nationalModel, panelModel } from '../model/panel-model.test-support.ts';
import { planModelFromMmm } from './plan-model-from-mmm.ts';
import { planValue } from './plan-objective.ts';
import { planEvaluator } from './plan-evaluator.ts';
import { planDualStart } from './plan-dual.ts';
import type { PlanChannel } from './plan-types.ts';

const close = (a: number, b: number, rel: number, what = '') => assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-12), `${what}: ${a} vs ${b}`);

// A geo-level model whose geos spent unevenly before the plan: their carry-in differs.
const model = panelModel(nationalModel());
const pm = planModelFromMmm(model, { afterPlan: 'dark' });
const H = 5, nC = model.channels.length;
const x = Float64Array.from({ length: H * nC }, (_, i) => 800 + 300 * Math.sin(i));

test('a geo-level plan model carries each geo\'s own history: planValue = the panel contribution of history + plan split by the shares', () => {
  const v = planValue(pm.channels, x, H);
  model.channels.forEach((ch, c) => {
    const p = ch.panel!, n = ch.spend.length, L = ch.maxLag;
    // Each geo: its own history, then its share of the plan, then nothing (afterPlan 'dark').
    const spend = p.spend.map((s, g) => [...s, ...Array.from({ length: H }, (_, h) => p.shares[g] * x[h * nC + c]), ...new Array<number>(L).fill(0)]);
    const full = channelContribution({ ...ch, spend: spend[0].map((_, t) => spend.reduce((a, s) => a + s[t], 0)), panel: { shares: p.shares, spend } });
    let win = 0, out = 0;
    for (let t = n; t < n + H; t++) win += full[t];
    for (let t = n + H; t < n + H + L; t++) out += full[t];
    close(v.window[c], win, 1e-12, `${ch.name} window`);
    close(v.carryOut[c], out, 1e-12, `${ch.name} carry-out`);
  });
  // The national carry-in (the geos' average level) gives a different window KPI: the test can fail.
  const national = planValue(pm.channels.map(({ geoHistory: _, ...ch }) => ch), x, H);
  assert.ok(Math.abs(national.window[0] - v.window[0]) > 1e-6 * v.window[0], `${national.window[0]} vs ${v.window[0]}`);
});

test('planEvaluator agrees with planValue on a geo-level model, and its gradient with a central difference', () => {
  const channels: PlanChannel[] = pm.channels.map((ch) => ({ ...ch, after: ch.current }));
  for (const carry of [false, true]) {
    const f = planEvaluator(channels, H, carry);
    const grad = new Float64Array(x.length), ref = new Float64Array(x.length);
    const v = planValue(channels, x, H, ref, carry);
    const total = Array.from(v.window).reduce((a, b) => a + b, 0) + (carry ? Array.from(v.carryOut).reduce((a, b) => a + b, 0) : 0);
    close(f(x, grad), total, 1e-12, 'value');
    for (let i = 0; i < x.length; i++) {
      close(grad[i], ref[i], 1e-10, `grad ${i}`);
      const h = 1e-3 * x[i], up = Float64Array.from(x), down = Float64Array.from(x);
      up[i] += h; down[i] -= h;
      close(grad[i], (f(up) - f(down)) / (2 * h), 1e-5, `finite difference ${i}`);
    }
  }
});

test('planDualStart on a geo-level model is a KKT point of the geo-aware objective (concave curves)', () => {
  // Concave Hill curves (shape ≤ 1) so the dual decomposition's plan is the optimum: every spend inside
  // its bounds has the same marginal KPI (the budget's price). Ignoring the geos' carry-in would put the
  // first periods' marginal KPI off that price.
  const concave: PlanChannel[] = pm.channels.map((ch) => ({ ...ch, saturation: { type: 'hill', halfSaturation: 0.8, shape: 0.8 } }));
  const lo = new Float64Array(H * nC), hi = new Float64Array(H * nC).fill(1e7);
  const plan = planDualStart(concave, H, lo, hi, 3000 * H * nC, true);
  const grad = new Float64Array(plan.length);
  planEvaluator(concave, H, true)(plan, grad);
  const inside = Array.from(grad).filter((_, i) => plan[i] > 1e-6);
  assert.ok(inside.length >= H, `${inside.length} interior spends`);
  const price = inside.reduce((a, b) => a + b, 0) / inside.length;
  for (const g of inside) close(g, price, 1e-4, 'marginal KPI');
});
