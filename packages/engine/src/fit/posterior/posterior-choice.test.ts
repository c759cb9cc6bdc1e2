import { test } from 'node:test';
import assert from 'node:assert/strict';
import { posteriorChoice } from './posterior-choice.ts';
import { mediaRoi } from '../panel-contribution.ts';
import { EngineError } from '../../errors.ts';
import { buildSearchProblem, searchDimension, withoutValidation } from '../search/search-problem.ts';
import { createCandidateEvaluator } from '../search/candidate-evaluator.ts';
import { runSearch, inThreadEvaluator } from '../search/run-search.ts';
import { candidateChannels } from '../candidate-channels.ts';
import { channelRoi } from '../../analysis/channel-roi.ts';
import { defaultModelSpec } from '../../spec/model-spec.ts';
import { N, fixture } from '../../../test/two-channel-fixture.ts';

test('recovers the true ROIs of a simulated two-channel market; the medoid is a sample near the mean', async () => {
  const betas = [40, 25];
  const { table, sat } = fixture(betas, 1);
  // True ROI = β_c·Σ_t s_c(t) / Σ_t spend_c(t) over all rows.
  const trueRoi = [0, 1].map((c) => { let a = 0, b = 0; for (let t = 0; t < N; t++) { a += betas[c] * sat[c][t]; b += table.channels[c].spend[t]; } return a / b; });
  const base = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'] });
  const spec = { ...base, seasonalityOrder: 0, channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })) };
  const problem = buildSearchProblem(table, spec);
  const ev = createCandidateEvaluator(problem);
  const result = await runSearch({ iterations: 3000, trials: 2, seed: 1, weights: spec.search.weights, evaluator: inThreadEvaluator(ev), nParams: ev.nParams });
  const pc = await posteriorChoice(problem, result, { iterations: 6000, seed: 1, thin: 20 });
  assert.equal(pc.u.length, searchDimension(problem));
  assert.equal(pc.nSamples, 210); // (6000 − 1800) / 20
  for (let c = 0; c < 2; c++) {
    assert.ok(Math.abs(pc.meanRoi[c] / trueRoi[c] - 1) < 0.1, `channel ${c}: ${pc.meanRoi[c]} vs ${trueRoi[c]}`);
  }
  // The chosen vector reproduces ROIs close to the posterior means.
  const full = withoutValidation(problem);
  const fit = createCandidateEvaluator(full).fitCandidate(pc.u);
  candidateChannels(full, fit).forEach((ch, c) => {
    const roi = channelRoi(ch, full.fitStart, full.fitEnd);
    assert.ok(Math.abs(roi / pc.meanRoi[c] - 1) < 0.1, `medoid ${roi} vs mean ${pc.meanRoi[c]}`);
  });
  // Deterministic for a seed.
  const again = await posteriorChoice(problem, result, { iterations: 6000, seed: 1, thin: 20 });
  assert.deepEqual(again.u, pc.u);
});

test('each kept sample\'s ROIs are those of a refit of the sample, to the bit (the chain\'s own fits are reused)', async () => {
  const { table } = fixture([40, 25], 1);
  const base = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'] });
  const spec = { ...base, seasonalityOrder: 0, channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })) };
  const problem = buildSearchProblem(table, spec);
  const ev = createCandidateEvaluator(problem);
  const result = await runSearch({ iterations: 600, trials: 1, seed: 1, weights: spec.search.weights, evaluator: inThreadEvaluator(ev), nParams: ev.nParams });
  const pc = await posteriorChoice(problem, result, { iterations: 3000, seed: 1, thin: 10, roiPrior: { median: 1, sdLog: 1 } });
  assert.equal(pc.nSamples, 210); // 1 + floor((3000 − 900 − 1) / 10)
  const full = withoutValidation(problem);
  const refit = createCandidateEvaluator(full);
  const d = searchDimension(problem);
  let distinct = 0;
  for (let s = 0; s < pc.nSamples; s++) {
    const fit = refit.fitCandidate(pc.samples.subarray(s * d, (s + 1) * d));
    candidateChannels(full, fit).forEach((ch, c) => {
      const roi = mediaRoi(ch, full.fitStart, full.fitEnd);
      assert.ok(Object.is(pc.sampleRoi[s * 2 + c], roi), `sample ${s} channel ${c}: ${pc.sampleRoi[s * 2 + c]} vs refit ${roi}`);
    });
    if (s > 0 && pc.sampleRoi[s * 2] !== pc.sampleRoi[(s - 1) * 2]) distinct++;
  }
  assert.ok(distinct > 20, `the chain moved between kept samples (${distinct} changes)`);
});

test('a cancel during the chain stops it with CANCELLED', async () => {
  const { table } = fixture([40, 25], 1);
  const base = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'] });
  const spec = { ...base, seasonalityOrder: 0, channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })) };
  const problem = buildSearchProblem(table, spec);
  const ev = createCandidateEvaluator(problem);
  const result = await runSearch({ iterations: 600, trials: 1, seed: 1, weights: spec.search.weights, evaluator: inThreadEvaluator(ev), nParams: ev.nParams });
  let last = 0, total = 0;
  const options = { iterations: 3000, seed: 1, thin: 10, onProgress: (done: number, steps: number) => { last = done; total = steps; }, isCancelled: () => last >= 1000 };
  await assert.rejects(posteriorChoice(problem, result, options), (e: unknown) => e instanceof EngineError && e.code === 'CANCELLED');
  assert.equal(total, 3000); // progress counts chain iterations only: there is no refit pass
  assert.equal(last, 1000);
});
