import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roiLogPrior, DEFAULT_ROI_PRIOR, ROI_PRIOR_OFFSET } from './roi-prior.ts';
import { hyperLogPosterior } from './hyper-posterior.ts';
import { buildSearchProblem, searchParams, withoutValidation } from '../search/search-problem.ts';
import { createCandidateEvaluator } from '../search/candidate-evaluator.ts';
import { candidateChannels } from '../candidate-channels.ts';
import { channelRoi } from '../../analysis/channel-roi.ts';
import { defaultModelSpec } from '../../spec/model-spec.ts';
import { fitMmm } from '../fit-mmm.ts';
import { N, fixture } from '../../../test/two-channel-fixture.ts';

function problemOf() {
  const { table } = fixture([40, 25], 2);
  const base = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'] });
  const spec = { ...base, seasonalityOrder: 0, channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })) };
  return { table, problem: withoutValidation(buildSearchProblem(table, spec)) };
}

test('roiLogPrior: Σ −(ln(ROI + 0.05) − ln median)² / 2σ² with ROIs computed independently (channelRoi)', () => {
  const { problem } = problemOf();
  const ev = createCandidateEvaluator(problem);
  const u = new Float64Array(searchParams(problem).length).fill(0.4);
  const fit = ev.fitCandidate(u);
  const rois = candidateChannels(problem, fit).map((ch) => channelRoi(ch, problem.fitStart, problem.fitEnd));
  assert.ok(rois.every((r) => r > 0), `both channels carry effect: ${rois}`);
  const prior = { median: 2, sdLog: 0.5 };
  const expected = rois.reduce((s, r) => s - (Math.log(r + ROI_PRIOR_OFFSET) - Math.log(2)) ** 2 / (2 * 0.25), 0);
  assert.ok(Math.abs(roiLogPrior(problem, prior)(fit) - expected) < 1e-9 * Math.abs(expected), `${roiLogPrior(problem, prior)(fit)} vs ${expected}`);
  // At a median equal to ROI + offset the channel adds nothing.
  const at = roiLogPrior(problem, { median: rois[0] + ROI_PRIOR_OFFSET, sdLog: 0.5 })(fit);
  assert.ok(Math.abs(at + (Math.log(rois[1] + ROI_PRIOR_OFFSET) - Math.log(rois[0] + ROI_PRIOR_OFFSET)) ** 2 / 0.5) < 1e-9);
  assert.throws(() => roiLogPrior(problem, { median: 0, sdLog: 1 }), /median > 0/);
});

test('hyperLogPosterior with a prior = marginal likelihood + the ROI log prior', () => {
  const { problem } = problemOf();
  const ev = createCandidateEvaluator(problem);
  const plain = hyperLogPosterior(problem);
  const withPrior = hyperLogPosterior(problem, DEFAULT_ROI_PRIOR);
  const prior = roiLogPrior(problem, DEFAULT_ROI_PRIOR);
  for (const level of [0.2, 0.5, 0.8]) {
    const u = new Float64Array(searchParams(problem).length).fill(level);
    const diff = withPrior(u) - plain(u);
    assert.ok(Math.abs(diff - prior(ev.fitCandidate(u))) < 1e-9, `level ${level}: ${diff}`);
  }
});

test('fitMmm: Meridian\'s ROI prior by default for revenue, none for a count KPI, none when set to null', async () => {
  const { table } = fixture([40, 25], 2);
  const search = { iterations: 300, trials: 1, seed: 3, bootstrap: 0, posterior: 400, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 } };
  const revenue = await fitMmm(table, { search });
  assert.deepEqual(revenue.spec.search.roiPrior, DEFAULT_ROI_PRIOR);
  assert.match(revenue.search.selectionRule, /log-normal prior on every channel's ROI/);
  const count = await fitMmm({ ...table, target: { ...table.target, kind: 'count' } }, { search });
  assert.equal(count.spec.search.roiPrior, null);
  assert.doesNotMatch(count.search.selectionRule, /prior on every channel's ROI/);
  const off = await fitMmm(table, { search: { ...search, roiPrior: null } });
  assert.equal(off.spec.search.roiPrior, null);
});
