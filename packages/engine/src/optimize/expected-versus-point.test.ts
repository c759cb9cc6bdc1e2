import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedPointGapText, expectedVersusPoint, steadyBasisText } from './expected-versus-point.ts';
import { materiallyDifferent } from '../analysis/material-difference.ts';
import { mmChannel, responseModel } from './test-models.ts';
import type { ChannelResponse } from './types.ts';

/** A channel whose point curve has coef 1 and whose replicates have the given coefs (same K = 1, gain 1). */
function withReplicates(name: string, coefs: readonly number[], current = 1): ChannelResponse {
  return { ...mmChannel(name, 1, 1, current), components: coefs.map((coef) => ({ coef, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 1 } })) };
}

test('expectedVersusPoint: the averaged ROI is the mean of the replicates\' ROIs; the point ROI the point curve\'s', () => {
  // Nine replicates like the point (coef 1) and one with coef 91: mean coef 10, median 1.
  const rm = responseModel([withReplicates('facebook', [...Array(9).fill(1), 91]), withReplicates('tv', Array(10).fill(1))], 100);
  const cmp = expectedVersusPoint(rm);
  assert.ok(cmp);
  const [fb, tv] = cmp.channels;
  // r(1) = coef · 1/(1+1) = coef/2
  assert.ok(Math.abs((fb.roiExpected ?? 0) - 5) < 1e-12);
  assert.ok(Math.abs((fb.roiPoint ?? 0) - 0.5) < 1e-12);
  assert.ok(Math.abs((fb.roiMedian ?? 0) - 0.5) < 1e-12);
  assert.equal(cmp.replicates, 10);
  assert.ok(Math.abs(cmp.kpiExpected - (100 + 5 + 0.5)) < 1e-9);
  assert.ok(Math.abs(cmp.kpiPoint - 101) < 1e-9);
  assert.ok(Math.abs((tv.roiExpected ?? 0) - (tv.roiPoint ?? 0)) < 1e-12);
  assert.equal(expectedVersusPoint(responseModel([mmChannel('a', 1, 1, 1)])), null);
  // Channels with different numbers of replicates are refused (replicateCount), not averaged unevenly.
  assert.throws(() => expectedVersusPoint(responseModel([withReplicates('facebook', [1, 1]), withReplicates('tv', [1, 1, 1])], 100)), /INVALID_ARGUMENT|replicate curves/);
});

test('expectedPointGapText: gives both figures and why for the channel that differs, nothing for the others', () => {
  const rm = responseModel([withReplicates('facebook', [...Array(9).fill(1), 91]), withReplicates('tv', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), withReplicates('print', Array(10).fill(3))], 100);
  const text = expectedPointGapText(expectedVersusPoint(rm), 'bootstrap', 'ROI', 'revenue');
  assert.match(text, /facebook 5 against 0\.5 \(median over the replicates 0\.5: a few replicates with a very high ROI pull the average up\)/);
  assert.match(text, /print 1\.5 against 0\.5 \(median over the replicates 1\.5: most replicates' curves lie above the point estimate's\)/);
  assert.doesNotMatch(text, /\btv\b/);
  assert.match(text, /Expected revenue now is 107 on the averaged curves and 102 on the point estimate's; --uncertainty point plans on the point estimate\./);
  const same = responseModel([withReplicates('tv', [1, 1.1, 0.9])]);
  assert.equal(expectedPointGapText(expectedVersusPoint(same), 'bootstrap', 'ROI', 'revenue'), '');
  assert.equal(expectedPointGapText(null, 'bootstrap', 'ROI', 'revenue'), '');
});

test('steadyBasisText names the steady spend and the curves, posterior draws for a Bayesian fit', () => {
  assert.equal(steadyBasisText(100), "a steady spend per period at each level, on the mean of the 100 bootstrap replicates' response curves");
  assert.match(steadyBasisText(400, 'posterior'), /mean of the 400 posterior draws' response curves/);
  assert.match(steadyBasisText(0), /point-estimate response curves/);
});

test('expectedPointGapText: a material gap in marginal ROI alone is given too (the ROIs agree)', () => {
  // Replicates K = 9, coef 5: ROI at spend 1 is 0.5 as on the point curve (K = 1, coef 1), but the slope is 0.45 against 0.25.
  const flat = { ...mmChannel('search', 1, 1, 1), components: Array.from({ length: 10 }, () => ({ coef: 5, gain: 1, saturation: { type: 'michaelis-menten' as const, halfSaturation: 9 } })) };
  const cmp = expectedVersusPoint(responseModel([flat, withReplicates('tv', Array(10).fill(1))], 100));
  assert.ok(cmp !== null && !materiallyDifferent(cmp.channels[0].roiExpected ?? NaN, cmp.channels[0].roiPoint ?? NaN));
  const text = expectedPointGapText(cmp, 'bootstrap', 'ROI', 'revenue');
  assert.match(text, /give a different marginal ROI \(the return on the next unit of spend, which the plan follows\): search 0\.45 against 0\.25\./);
  assert.doesNotMatch(text, /\btv\b/);
  assert.match(text, /Expected revenue now is/);
});
