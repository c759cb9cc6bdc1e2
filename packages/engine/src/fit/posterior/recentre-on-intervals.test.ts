import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recentreOnIntervals } from './recentre-on-intervals.ts';
import { buildSearchProblem, searchDimension, withoutValidation } from '../search/search-problem.ts';
import { createCandidateEvaluator } from '../search/candidate-evaluator.ts';
import { candidateChannels } from '../candidate-channels.ts';
import { channelRoi } from '../../analysis/channel-roi.ts';
import { defaultModelSpec } from '../../spec/model-spec.ts';
import { createRng } from '../../random/rng.ts';
import { N, fixture } from '../../../test/two-channel-fixture.ts';

function setup() {
  const { table } = fixture([40, 25], 1);
  const spec = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'] });
  const problem = withoutValidation(buildSearchProblem(table, spec));
  const refit = createCandidateEvaluator(problem);
  const rng = createRng(4);
  const samples = Array.from({ length: 12 }, () => Float64Array.from({ length: searchDimension(problem) }, () => 0.05 + 0.9 * rng.next()));
  const roi = (u: Float64Array): number[] => candidateChannels(problem, refit.fitCandidate(u)).map((ch) => channelRoi(ch, problem.fitStart, problem.fitEnd));
  return { problem, refit, samples, roi };
}

test('recentreOnIntervals keeps a default whose ROIs are inside their intervals', () => {
  const { problem, refit, samples, roi } = setup();
  const point = roi(samples[0]);
  // Replicates spread ±50% around the default's ROIs: it is inside.
  const reps = Array.from({ length: 20 }, (_, r) => point.map((v) => v * (0.5 + r / 19)));
  assert.equal(recentreOnIntervals(problem, refit, refit.fitCandidate(samples[0]), samples, reps, problem.fitEnd), null);
});

test('recentreOnIntervals moves a default outside an interval to a sample inside every interval, and says why', () => {
  const { problem, refit, samples, roi } = setup();
  const target = roi(samples[7]);
  // Replicates tightly around sample 7's ROIs (±1%): the default (sample 0) is outside, sample 7 inside.
  const reps = Array.from({ length: 20 }, (_, r) => target.map((v) => v * (0.99 + 0.02 * r / 19)));
  const out = recentreOnIntervals(problem, refit, refit.fitCandidate(samples[0]), samples, reps, problem.fitEnd);
  assert.ok(out?.type === 'moved', 'expected a replacement');
  const got = candidateChannels(problem, out.fit).map((ch) => channelRoi(ch, problem.fitStart, problem.fitEnd));
  got.forEach((v, c) => assert.ok(v >= target[c] * 0.99 - 1e-12 && v <= target[c] * 1.01 + 1e-12, `channel ${c}: ${v} vs ${target[c]}`));
  assert.match(out.note, /outside its own 90% interval \(c\d [\d.e+-]+ outside/);
  // No sample inside: the default is kept, and the note says which channels stay outside (never silently).
  const nowhere = Array.from({ length: 20 }, () => target.map(() => -1));
  const kept = recentreOnIntervals(problem, refit, refit.fitCandidate(samples[0]), samples, nowhere, problem.fitEnd);
  assert.equal(kept?.type, 'kept');
  assert.match(kept.note, /outside its own 90% interval \(c0 [\d.e+-]+ outside -1\.00–-1\.00, c1 [\d.e+-]+ outside -1\.00–-1\.00\) and no posterior sample/);
});
