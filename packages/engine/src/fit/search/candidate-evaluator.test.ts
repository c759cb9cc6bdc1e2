import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCandidateEvaluator } from './candidate-evaluator.ts';
import { buildSearchProblem, searchDimension, searchParams, withoutValidation } from './search-problem.ts';
import { candidateChannels } from '../candidate-channels.ts';
import { liftEffect } from '../../model/lift-effect.ts';
import { liftTestRows } from '../../spec/lift-test-rows.ts';
import { defaultModelSpec, type ModelSpec } from '../../spec/model-spec.ts';
import type { ModelingTable } from '../../spec/modeling-table.ts';
import { toUnit } from '../../transforms/param-spec.ts';
import { applyAdstock } from '../../transforms/adstock/adstock.ts';
import { hillSaturation } from '../../transforms/saturation/hill.ts';
import { N, ALPHA, HILL, fixture } from '../../../test/two-channel-fixture.ts';
import { leastSquares } from '../../linalg/least-squares.ts';
import { solveLinear } from '../../linalg/solve-linear.ts';
import { createRng } from '../../random/rng.ts';

function specFor(table: ModelingTable, lambda: [number, number]): ModelSpec {
  const base = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'] });
  return {
    ...base, seasonalityOrder: 0, validationShare: 0, lambda: { lower: lambda[0], upper: lambda[1] },
    channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })),
  };
}

/** Unit-space vector holding the true kernel parameters and λ at its lower bound. */
function trueVector(spec: ModelSpec, table: ModelingTable): Float64Array {
  const problem = buildSearchProblem(table, spec);
  const ps = searchParams(problem);
  const values = [ALPHA[0], HILL[0].halfSaturation, HILL[0].shape, ALPHA[1], HILL[1].halfSaturation, HILL[1].shape];
  return Float64Array.from(ps.map((p, i) => (i < values.length ? toUnit(p.param, values[i]) : 0)));
}

test('with λ → 0 and no binding bounds the fit equals ordinary least squares (Householder QR)', () => {
  const { table, sat, trend, y } = fixture([40, 25], 2);
  const spec = specFor(table, [1e-12, 2e-12]);
  const fit = createCandidateEvaluator(buildSearchProblem(table, spec)).fitCandidate(trueVector(spec, table));
  const x = new Float64Array(N * 4);
  for (let t = 0; t < N; t++) { x[t * 4] = 1; x[t * 4 + 1] = trend[t]; x[t * 4 + 2] = sat[0][t]; x[t * 4 + 3] = sat[1][t]; }
  const ref = leastSquares(x, N, 4, y).coefficients;
  assert.ok(Math.abs(fit.intercept - ref[0]) < 1e-6 * Math.abs(ref[0]));
  assert.ok(Math.abs(fit.baselineCoef[0] - ref[1]) < 1e-6 * Math.abs(ref[1]));
  assert.ok(Math.abs(fit.mediaCoef[0] - ref[2]) < 1e-6 * Math.abs(ref[2]));
  assert.ok(Math.abs(fit.mediaCoef[1] - ref[3]) < 1e-6 * Math.abs(ref[3]));
});

test('ridge matches the closed form (ZᵀZ/n + λI)⁻¹Zᵀỹ/n on the standardised design', () => {
  const { table, sat, trend, y } = fixture([40, 25], 2);
  const lambda = 0.05;
  const spec = specFor(table, [lambda, lambda * (1 + 1e-12)]);
  const fit = createCandidateEvaluator(buildSearchProblem(table, spec)).fitCandidate(trueVector(spec, table));
  const cols = [trend, sat[0], sat[1]];
  const stat = (v: ArrayLike<number>) => {
    let m = 0; for (let t = 0; t < N; t++) m += v[t]; m /= N;
    let s = 0; for (let t = 0; t < N; t++) s += (v[t] - m) ** 2;
    return { m, sd: Math.sqrt(s / N) };
  };
  const ys = stat(y);
  const zs = cols.map(stat);
  const a = new Float64Array(9), b = new Float64Array(3);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let t = 0; t < N; t++) s += ((cols[i][t] - zs[i].m) / zs[i].sd) * ((cols[j][t] - zs[j].m) / zs[j].sd);
      a[i * 3 + j] = s / N + (i === j ? lambda : 0);
    }
    let s = 0;
    for (let t = 0; t < N; t++) s += ((cols[i][t] - zs[i].m) / zs[i].sd) * ((y[t] - ys.m) / ys.sd);
    b[i] = s / N;
  }
  const std = solveLinear(a, 3, b);
  const expected = std.map((v, i) => (v * ys.sd) / zs[i].sd);
  const got = [fit.baselineCoef[0], fit.mediaCoef[0], fit.mediaCoef[1]];
  got.forEach((g, i) => assert.ok(Math.abs(g - expected[i]) < 1e-8 * Math.abs(expected[i]), `coef ${i}: ${g} vs ${expected[i]}`));
  // Shrinkage really happened: ridge coefficients differ from OLS.
  const ols = createCandidateEvaluator(buildSearchProblem(table, specFor(table, [1e-12, 2e-12]))).fitCandidate(trueVector(specFor(table, [1e-12, 2e-12]), table));
  assert.ok(Math.abs(ols.mediaCoef[0] - fit.mediaCoef[0]) > 0.01);
});

test('a channel that hurts the KPI gets exactly 0, and the rest equals the fit without it', () => {
  const { table, trend, sat, y } = fixture([40, -30], 1);
  const spec = specFor(table, [1e-12, 2e-12]);
  const fit = createCandidateEvaluator(buildSearchProblem(table, spec)).fitCandidate(trueVector(spec, table));
  assert.equal(fit.mediaCoef[1], 0);
  const x = new Float64Array(N * 3);
  for (let t = 0; t < N; t++) { x[t * 3] = 1; x[t * 3 + 1] = trend[t]; x[t * 3 + 2] = sat[0][t]; }
  const ref = leastSquares(x, N, 3, y).coefficients;
  assert.ok(Math.abs(fit.mediaCoef[0] - ref[2]) < 1e-6 * Math.abs(ref[2]));
  assert.ok(Math.abs(fit.baselineCoef[0] - ref[1]) < 1e-6 * Math.abs(ref[1]));
});

test('without noise and with the true hyperparameters the coefficients are recovered exactly', () => {
  const { table } = fixture([40, 25], 0);
  const spec = specFor(table, [1e-12, 2e-12]);
  const fit = createCandidateEvaluator(buildSearchProblem(table, spec)).fitCandidate(trueVector(spec, table));
  assert.ok(Math.abs(fit.mediaCoef[0] - 40) < 1e-6);
  assert.ok(Math.abs(fit.mediaCoef[1] - 25) < 1e-6);
  assert.ok(Math.abs(fit.intercept - 100) < 1e-6);
  assert.ok(fit.objectives[0] < 1e-9);
});

test('batch evaluation equals one-at-a-time evaluation, and validation rows are scored', () => {
  const { table } = fixture([40, 25], 3);
  const spec = { ...specFor(table, [1e-4, 1]), validationShare: 0.2 };
  const problem = buildSearchProblem(table, spec);
  assert.equal(problem.fitEnd - problem.trainEnd, 24);
  const ev = createCandidateEvaluator(problem);
  const rng = createRng(8);
  const params = Float64Array.from({ length: 5 * ev.nParams }, () => rng.next());
  const out = new Float64Array(5 * ev.nObjectives);
  ev.evaluate(params, 5, out);
  for (let k = 0; k < 5; k++) {
    const one = new Float64Array(ev.nObjectives);
    ev.evaluate(params.slice(k * ev.nParams, (k + 1) * ev.nParams), 1, one);
    assert.deepEqual(Array.from(one), Array.from(out.subarray(k * ev.nObjectives, (k + 1) * ev.nObjectives)));
    assert.ok(Number.isFinite(one[1]) && one[1] > 0);
    assert.ok(Number.isNaN(one[3]), 'no lift tests ⇒ MAPE.LIFT is NaN');
  }
  assert.equal(withoutValidation(problem).trainEnd, problem.fitEnd);
});

test('MAPE.LIFT compares the counterfactual lift of the test rows\' spend with the measured lift', () => {
  const { table } = fixture([40, 25], 0);
  const base = specFor(table, [1e-12, 2e-12]);
  const u = trueVector(base, table);
  const full = createCandidateEvaluator(buildSearchProblem(table, base)).fitCandidate(u);
  // True lift of c0's spend in rows 10..19 over rows 10..22: the response minus the response with
  // those rows dark; claim a lift 10% higher.
  const adstock = (x: Float64Array) => applyAdstock(x, full.hyper.channels[0].adstock, { maxLag: 8, normalised: true });
  const dark = Float64Array.from(table.channels[0].spend).fill(0, 10, 20);
  const a = adstock(table.channels[0].spend), ad = adstock(dark);
  let s = 0;
  for (let t = 10; t < 23; t++) s += 40 * (hillSaturation.value(a[t] / full.scales[0], HILL[0]) - hillSaturation.value(ad[t] / full.scales[0], HILL[0]));
  const spec = { ...base, liftTests: [{ channel: 'c0', start: table.dates[10], end: table.dates[19], measuredThrough: table.dates[22], lift: s * 1.1 }] };
  const fit = createCandidateEvaluator(buildSearchProblem(table, spec)).fitCandidate(u);
  assert.ok(Math.abs(fit.objectives[3] - 0.1 / 1.1) < 1e-6, `mape.lift ${fit.objectives[3]}`);
});

test('the evaluator\'s lift predictions equal liftEffect on the fitted channel curves (several tests, lags past the end)', () => {
  const { table } = fixture([40, 25], 3);
  const base = specFor(table, [1e-12, 2e-12]);
  let c1From = 50;
  while (!(table.channels[1].spend[c1From] > 0)) c1From++;
  const tests = [
    { channel: 'c0', start: table.dates[30], end: table.dates[37], lift: 300 },
    // A two-period test from the first period at or after 50 in which c1 spends (a test needs spend in its window).
    { channel: 'c1', start: table.dates[c1From], end: table.dates[c1From + 1], measuredThrough: table.dates[c1From + 10], lift: 80 },
    { channel: 'c0', start: table.dates[100], end: table.dates[110], measuredThrough: table.dates[119], lift: 200 },
  ];
  const problem = buildSearchProblem(table, { ...base, liftTests: tests });
  const rng = createRng(9);
  for (let trial = 0; trial < 5; trial++) {
    const u = Float64Array.from({ length: searchDimension(problem) }, () => rng.next());
    const fit = createCandidateEvaluator(problem).fitCandidate(u);
    const chans = candidateChannels(problem, fit);
    tests.forEach((t, k) => {
      const want = liftEffect(chans[problem.liftTests[k].channel], liftTestRows(table.dates, t));
      assert.ok(Math.abs(fit.liftPredictions[k] - want) <= 1e-9 * Math.max(1, Math.abs(want)), `trial ${trial} test ${k}: ${fit.liftPredictions[k]} vs ${want}`);
    });
  }
});
