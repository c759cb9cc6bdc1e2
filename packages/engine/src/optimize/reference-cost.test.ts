import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMmm } from '../fit/fit-mmm.ts';
import { simulate } from '../simulate/simulate.ts';
import { retailWeeklyOptions } from '../simulate/presets/retail-weekly.ts';
import { defaultModelSpec, type ModelSpec } from '../spec/model-spec.ts';
import { channelActualSpend } from '../model/actual-spend.ts';
import { steadyStateGain } from '../analysis/response-curve.ts';
import { responseModelFromMmm } from './response-model-from-mmm.ts';
import { planModelFromMmm } from './plan-model-from-mmm.ts';
import { allocateBudget } from './allocate-budget.ts';
import { referenceCosts } from './reference-cost.ts';
import type { MmmModel } from '../model/mmm-model.ts';

const FAST: Partial<ModelSpec> = { search: { iterations: 1500, trials: 2, seed: 1, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 }, bootstrap: 0, posterior: 1500 } };

/** tv, search and social of the retail preset on exposure whose cost per 1,000 rises 60% over the history (as in exposure-recovery.test.ts). */
async function driftModel(): Promise<MmmModel> {
  const base = retailWeeklyOptions(2);
  const channels = base.channels.filter((c) => ['tv', 'search', 'social'].includes(c.name)).map((c, i) => ({ ...c, exposure: { cpm: 8 + i, drift: 0.6, seasonal: 0.4 } }));
  const sim = simulate({ ...base, noise: 0.01, baseline: { ...base.baseline, controls: [] }, channels });
  const names = sim.table.channels.map((c) => c.name);
  const specs = defaultModelSpec({ nTimes: sim.table.dates.length, frequency: 'weekly', channels: names }).channels.map((c) => ({ ...c, media: 'exposure' as const }));
  return fitMmm(sim.table, { ...FAST, channels: specs });
}

const modelPromise = driftModel();

test('with reference periods a channel on exposure is priced at their cost: current is its actual mean spend there, the curve unchanged at it', async () => {
  const model = await modelPromise;
  const { end } = model.window;
  const rm = responseModelFromMmm(model, { referencePeriods: 13 });
  const costs = referenceCosts(model, { start: end - 13, end });
  model.channels.forEach((ch, c) => {
    const actual = channelActualSpend(ch);
    let s = 0, e = 0;
    for (let t = end - 13; t < end; t++) { s += actual[t]; e += ch.spend[t]; }
    const r = rm.channels[c];
    assert.equal(r.current, s / 13, ch.name);
    assert.equal(costs[c]?.basis, 'reference');
    // The cost per 1,000 rose, so money buys less exposure than at the window's average.
    assert.ok(costs[c]!.costPerUnit > ch.media!.costPerUnit, ch.name);
    assert.ok(Math.abs(r.gain * r.current - steadyStateGain(ch) * (e / 13)) <= 1e-12 * steadyStateGain(ch) * e, `${ch.name}: the saturation input at current is that of its recent exposure`);
  });
  // The plan's carry-in: the history restated in money at that cost, divided by the rescaled scale, is the transforms' input.
  const pm = planModelFromMmm(model, { referencePeriods: 13 });
  model.channels.forEach((ch, c) => {
    const p = pm.channels[c];
    assert.equal(p.current, rm.channels[c].current);
    const last = p.history.length - 1;
    if (last >= 0) assert.ok(Math.abs(p.history[last] / p.scale - ch.spend[ch.spend.length - 1] / ch.scale) <= 1e-12 * (1 + ch.spend[ch.spend.length - 1] / ch.scale));
  });
});

test('without reference periods (or with the whole window) nothing changes: the window\'s average cost, the curves and the allocation bit for bit', async () => {
  const model = await modelPromise;
  const { start, end } = model.window;
  const whole = responseModelFromMmm(model, { uncertainty: 'expected' });
  const all = responseModelFromMmm(model, { referencePeriods: end - start, uncertainty: 'expected' });
  model.channels.forEach((ch, c) => {
    let e = 0;
    for (let t = start; t < end; t++) e += ch.spend[t];
    assert.equal(whole.channels[c].current, e / (end - start));
    assert.equal(whole.channels[c].gain, steadyStateGain(ch));
    assert.deepEqual(whole.channels[c].cost, { factor: 1, costPerUnit: ch.media!.costPerUnit, windowCostPerUnit: ch.media!.costPerUnit, basis: 'window' });
  });
  const budget = whole.channels.reduce((a, c) => a + c.current, 0);
  const a = allocateBudget(whole, { budget });
  const b = allocateBudget(all, { budget });
  assert.ok(a.feasible && b.feasible);
  assert.equal(a.expected.recommended, b.expected.recommended);
  assert.deepEqual(a.channels.map((c) => c.recommended), b.channels.map((c) => c.recommended));
  assert.deepEqual(planModelFromMmm(model).channels.map((c) => [c.scale, c.history]), model.channels.map((ch) => [ch.scale, ch.spend.slice(ch.spend.length - ch.maxLag)]));
});
