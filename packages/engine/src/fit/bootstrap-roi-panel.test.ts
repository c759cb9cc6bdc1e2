/**
 * The geo panel's bootstrap (bootstrapRoi with problem.panel): every geo's residuals are resampled with
 * the same block indices. A panel whose geos are each s_g × the national series then has every replicate
 * equal to s_g × the national replicate, so its ROIs must be the national bootstrap's; with indices
 * drawn per geo they would not be.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapRoi } from './bootstrap-roi.ts';
import { buildSearchProblem, searchDimension } from './search/search-problem.ts';
import { createCandidateEvaluator } from './search/candidate-evaluator.ts';
import { defaultModelSpec } from '../spec/model-spec.ts';
import { modelingTableFromPanel } from '../spec/panel.ts';
import { randomScenario } from '../simulate/random-scenario.ts';
import { createRng } from '../random/rng.ts';

test('a panel of scaled copies of the national series bootstraps the national ROIs (same block indices in every geo)', async () => {
  const national = randomScenario(31, { nTimes: 90, nChannels: 3, noise: 0.05 }).table;
  const shares = [0.2, 0.3, 0.5];
  const scaled = (v: ArrayLike<number>) => shares.map((s) => Float64Array.from(v, (x) => s * x));
  const panel = modelingTableFromPanel({
    dates: national.dates, frequency: national.frequency, column: 'region', geos: ['a', 'b', 'c'],
    target: { name: national.target.name, values: scaled(national.target.values) },
    channels: national.channels.map((c) => ({ name: c.name, spend: scaled(c.spend) })),
    controls: national.controls.map((c) => ({ name: c.name, sign: c.sign, values: c.values })),
    events: national.events,
  });
  const spec = defaultModelSpec({ nTimes: national.dates.length, frequency: 'weekly', channels: national.channels.map((c) => c.name) });
  const pn = buildSearchProblem(national, spec), pp = buildSearchProblem(panel, spec);
  const rng = createRng(2);
  const draws = [0, 1, 2].map(() => Float64Array.from({ length: searchDimension(pn) }, () => 0.15 + 0.7 * rng.next()));
  for (const reselect of [false, true]) {
    const options = { replicates: 6, reselect, seed: 9 };
    const bn = await bootstrapRoi(pn, createCandidateEvaluator(pn).fitCandidate(draws[0]), draws, options);
    const bp = await bootstrapRoi(pp, createCandidateEvaluator(pp).fitCandidate(draws[0]), draws, options);
    let worst = 0;
    bn.roi.forEach((row, r) => row.forEach((roi, c) => { worst = Math.max(worst, Math.abs(bp.roi[r][c] - roi) / Math.max(1e-9, Math.abs(roi))); }));
    assert.ok(worst < 1e-8, `reselect ${reselect}: worst relative ROI difference ${worst}`);
    // The replicates differ from each other: the resampling did something.
    assert.ok(bp.roi.some((row) => row.some((v, c) => Math.abs(v - bp.roi[0][c]) > 1e-6)));
  }
});
