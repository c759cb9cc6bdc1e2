/**
 * Lift tests calibrate the coefficients of the bootstrap's refits (calibrateByLiftTests): each test is one more
 * observation of its channel's coefficient, pred = β_c·S ≈ lift with standard error se, weighted
 * against the KPI rows by σ̂²/se² (σ̂² the KPI fit's RSS / n). Checked against weighted least squares
 * of the augmented system by Householder QR, with λ → 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCandidateEvaluator } from './candidate-evaluator.ts';
import { buildSearchProblem, searchParams } from './search-problem.ts';
import { candidateChannels } from '../candidate-channels.ts';
import { liftEffect } from '../../model/lift-effect.ts';
import { liftTestRows } from '../../spec/lift-test-rows.ts';
import { defaultModelSpec, type ModelSpec } from '../../spec/model-spec.ts';
import type { ModelingTable } from '../../spec/modeling-table.ts';
import { toUnit } from '../../transforms/param-spec.ts';
import { N, ALPHA, HILL, fixture } from '../../../test/two-channel-fixture.ts';
import { leastSquares } from '../../linalg/least-squares.ts';

const { table, sat, trend, y } = fixture([40, 25], 3);

function specWith(liftTests: ModelSpec['liftTests']): ModelSpec {
  const base = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'] });
  return {
    ...base, seasonalityOrder: 0, validationShare: 0, lambda: { lower: 1e-12, upper: 2e-12 }, liftTests,
    channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })),
  };
}

function trueVector(spec: ModelSpec, t: ModelingTable): Float64Array {
  const ps = searchParams(buildSearchProblem(t, spec));
  const values = [ALPHA[0], HILL[0].halfSaturation, HILL[0].shape, ALPHA[1], HILL[1].halfSaturation, HILL[1].shape];
  return Float64Array.from(ps.map((p, i) => (i < values.length ? toUnit(p.param, values[i]) : 0)));
}

/** The problem as the bootstrap's refits see it: coefficients calibrated by the tests. */
const calibrated = (spec: ModelSpec) => ({ ...buildSearchProblem(table, spec), calibrateByLiftTests: true });

const window = { channel: 'c0', start: table.dates[40], end: table.dates[47], measuredThrough: table.dates[52] };
const u = trueVector(specWith([]), table);
const plain = createCandidateEvaluator(buildSearchProblem(table, specWith([]))).fitCandidate(u);
// The test's lift per unit of c0's coefficient, on the fit's own curve and scale.
const perUnit = liftEffect({ ...candidateChannels(buildSearchProblem(table, specWith([])), plain)[0], coef: 1 }, liftTestRows(table.dates, window));

test('a lift test pulls its channel\'s coefficient to the weighted least-squares solution of the KPI rows plus the test', () => {
  // Ordinary least squares on the KPI alone: σ̂² = RSS / n.
  const x = new Float64Array(N * 4);
  for (let t = 0; t < N; t++) { x[t * 4] = 1; x[t * 4 + 1] = trend[t]; x[t * 4 + 2] = sat[0][t] / 1; x[t * 4 + 3] = sat[1][t]; }
  const ols = leastSquares(x, N, 4, y);
  let rss = 0;
  for (let t = 0; t < N; t++) { const f = ols.coefficients[0] + ols.coefficients[1] * trend[t] + ols.coefficients[2] * sat[0][t] + ols.coefficients[3] * sat[1][t]; rss += (y[t] - f) ** 2; }
  const s2 = rss / N;
  // A test claiming 30% more than the KPI fit's own prediction, with a standard error of 10% of it.
  const predicted = plain.mediaCoef[0] * perUnit;
  const lift = 1.3 * predicted, se = 0.1 * predicted;
  const fit = createCandidateEvaluator(calibrated(specWith([{ ...window, lift, standardError: se }]))).fitCandidate(u);
  // Reference: the augmented system, the test one more row weighted by √(σ̂²/se²).
  const w = Math.sqrt(s2) / se;
  const xa = new Float64Array((N + 1) * 4), ya = new Float64Array(N + 1);
  xa.set(x); ya.set(y);
  xa[N * 4 + 2] = w * perUnit; ya[N] = w * lift;
  const ref = leastSquares(xa, N + 1, 4, ya).coefficients;
  assert.ok(Math.abs(fit.mediaCoef[0] - ref[2]) <= 1e-6 * Math.abs(ref[2]), `c0 ${fit.mediaCoef[0]} vs ${ref[2]}`);
  assert.ok(Math.abs(fit.mediaCoef[1] - ref[3]) <= 1e-6 * Math.abs(ref[3]), `c1 ${fit.mediaCoef[1]} vs ${ref[3]}`);
  assert.ok(Math.abs(fit.intercept - ref[0]) <= 1e-6 * Math.abs(ref[0]), `intercept ${fit.intercept} vs ${ref[0]}`);
  // The calibrated prediction lies between the KPI fit's and the test's.
  const pulled = fit.mediaCoef[0] * perUnit;
  assert.ok(pulled > predicted && pulled < lift, `${predicted} < ${pulled} < ${lift}`);
  // What the posterior weighs stays the KPI fit's: its objectives, evidence and lift prediction.
  assert.ok(Math.abs(fit.liftPredictions[0] - predicted) <= 1e-9 * predicted);
  for (const k of [0, 1, 2]) assert.equal(fit.objectives[k], plain.objectives[k]);
  assert.deepEqual(fit.evidence, plain.evidence);
});

test('without calibrateByLiftTests (the search, the posterior, the point fit) the tests do not touch the coefficients', () => {
  const predicted = plain.mediaCoef[0] * perUnit;
  const fit = createCandidateEvaluator(buildSearchProblem(table, specWith([{ ...window, lift: 1.3 * predicted, standardError: 0.1 * predicted }]))).fitCandidate(u);
  assert.deepEqual(fit.mediaCoef, plain.mediaCoef);
});

test('a vague test leaves the coefficients as the KPI fit has them; a sharp one sets the prediction to the test', () => {
  const predicted = plain.mediaCoef[0] * perUnit;
  const vague = createCandidateEvaluator(calibrated(specWith([{ ...window, lift: 2 * predicted, standardError: 1e9 * predicted }]))).fitCandidate(u);
  vague.mediaCoef.forEach((b, c) => assert.ok(Math.abs(b - plain.mediaCoef[c]) <= 1e-9 * Math.abs(plain.mediaCoef[c]), `c${c}`));
  const sharp = createCandidateEvaluator(calibrated(specWith([{ ...window, lift: 1.5 * predicted, standardError: 1e-4 * predicted }]))).fitCandidate(u);
  const got = sharp.mediaCoef[0] * perUnit;
  assert.ok(Math.abs(got - 1.5 * predicted) <= 1e-3 * predicted, `${got} vs ${1.5 * predicted}`);
});
