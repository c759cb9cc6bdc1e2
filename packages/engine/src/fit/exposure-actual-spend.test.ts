/**
 * A channel modelled on its exposure bought at a drifting cost per 1,000: the transforms see exposure
 * at the window's average cost, but what users read as spend (channelActualSpend, ROI over a year,
 * summary.json's spend) is the input's spend, period by period.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMmm } from './fit-mmm.ts';
import { simulate } from '../simulate/simulate.ts';
import { retailWeeklyOptions } from '../simulate/presets/retail-weekly.ts';
import { defaultModelSpec, type ModelSpec } from '../spec/model-spec.ts';
import { channelActualSpend } from '../model/actual-spend.ts';
import { channelRoi } from '../analysis/channel-roi.ts';
import { channelContribution } from '../model/channel-response.ts';
import { summarizeModel } from '../analysis/summarize.ts';

const FAST: Partial<ModelSpec> = { search: { iterations: 600, trials: 1, seed: 1, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 }, bootstrap: 0, posterior: 600 } };

test('exposure at a drifting cost: actual spend per period is the input\'s, and ROI over a year divides by it', async () => {
  const base = retailWeeklyOptions(2);
  const channels = base.channels.filter((c) => ['tv', 'search'].includes(c.name)).map((c) => ({ ...c, exposure: { cpm: 8, drift: 0.6, seasonal: 0.4 } }));
  const sim = simulate({ ...base, noise: 0.01, baseline: { ...base.baseline, controls: [] }, channels });
  const names = sim.table.channels.map((c) => c.name);
  const specs = defaultModelSpec({ nTimes: sim.table.dates.length, frequency: 'weekly', channels: names }).channels.map((c) => ({ ...c, media: 'exposure' as const }));
  const model = await fitMmm(sim.table, { ...FAST, channels: specs });
  const summary = summarizeModel(model);
  model.channels.forEach((ch, k) => {
    const input = Array.from(sim.table.channels[k].spend);
    assert.deepEqual(channelActualSpend(ch), input, ch.name);
    assert.notDeepEqual(ch.spend, input, `${ch.name}: the transforms see exposure × k`);
    const { start, end } = model.window;
    let total = 0;
    for (let t = start; t < end; t++) total += input[t];
    assert.ok(Math.abs(summary.channels[k].spend - total) <= 1e-9 * total, ch.name);
    // The second year: contribution over the spend paid in it (≠ Σ e there, as the cost drifted).
    const contribution = channelContribution(ch);
    let c = 0, s = 0;
    for (let t = start + 52; t < start + 104; t++) { c += contribution[t]; s += input[t]; }
    assert.equal(channelRoi(ch, start + 52, start + 104), c / s, ch.name);
  });
});
