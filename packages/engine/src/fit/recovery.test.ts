/**
 * Recovery on the simulator's presets: with little noise, the default model must recover the true
 * ROIs and the split between baseline and media. Noise is lowered so that the figures test the
 * method, not the luck of one noise draw (the oracle that knows every curve is also near-exact then).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMmm } from './fit-mmm.ts';
import { summarizeModel } from '../analysis/summarize.ts';
import { simulate } from '../simulate/simulate.ts';
import { retailWeeklyOptions } from '../simulate/presets/retail-weekly.ts';
import { randomScenario } from '../simulate/random-scenario.ts';
import type { SimulationResult } from '../simulate/truth.ts';
import type { ModelSpec } from '../spec/model-spec.ts';

const FAST: Partial<ModelSpec> = { search: { iterations: 8000, trials: 4, seed: 1, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 }, bootstrap: 0, posterior: 8000 } };

async function errors(sim: SimulationResult) {
  const model = await fitMmm(sim.table, FAST);
  const s = summarizeModel(model);
  let num = 0, den = 0;
  const perChannel = sim.truth.channels.map((t) => {
    const est = s.channels.find((c) => c.name === t.name)!;
    num += t.spend * Math.abs(est.roi - t.roi) / t.roi;
    den += t.spend;
    return { name: t.name, est: est.roi, truth: t.roi };
  });
  const trueMedia = sim.truth.channels.reduce((a, c) => a + c.contribution, 0);
  return { weighted: num / den, perChannel, mediaError: Math.abs(s.totals.mediaContribution - trueMedia) / trueMedia };
}

test('retail preset at 1% noise: ROIs within 20% spend-weighted, total media effect within 10%', async () => {
  const r = await errors(simulate({ ...retailWeeklyOptions(3), noise: 0.01 }));
  assert.ok(r.weighted < 0.2, `spend-weighted ROI error ${r.weighted}: ${JSON.stringify(r.perChannel)}`);
  assert.ok(r.mediaError < 0.1, `media total error ${r.mediaError}`);
});

// Random scenarios mix adstock families the default (Weibull PDF) only approximates, and always-on
// channels whose curve near zero spend is never observed: part of their effect can hide in the
// intercept even at 1% noise (seed 22 loses a third of its media effect), so the bound is looser.
test('random scenarios at 1% noise: ROIs within 30% spend-weighted on average over three seeds', async () => {
  let sum = 0;
  const detail: unknown[] = [];
  for (const seed of [21, 22, 23]) {
    const r = await errors(randomScenario(seed, { noise: 0.01 }));
    sum += r.weighted;
    detail.push(r.perChannel);
  }
  assert.ok(sum / 3 < 0.3, `mean spend-weighted ROI error ${sum / 3}: ${JSON.stringify(detail)}`);
});
