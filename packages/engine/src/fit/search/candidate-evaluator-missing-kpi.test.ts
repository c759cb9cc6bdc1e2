/**
 * Periods without a KPI (NaN) are left out of the regression: the evaluator's coefficients and
 * objectives must equal a ridge regression solved by hand on the observed rows, while the media
 * columns (adstock over the full history) and mediaSum still cover every row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCandidateEvaluator } from './candidate-evaluator.ts';
import { buildSearchProblem, searchParams } from './search-problem.ts';
import { defaultModelSpec, type ModelSpec } from '../../spec/model-spec.ts';
import type { ModelingTable } from '../../spec/modeling-table.ts';
import { toUnit } from '../../transforms/param-spec.ts';
import { N, ALPHA, HILL, fixture } from '../../../test/two-channel-fixture.ts';
import { solveLinear } from '../../linalg/solve-linear.ts';
import { EngineError } from '../../errors.ts';

/** A four-period outage in the training rows, scattered gaps, and one gap in the validation rows. */
const MISSING = [3, 17, 40, 41, 42, 43, 66, 88, 101, 115];
const LAMBDA = 0.05;
const VALIDATION = 0.25;

function withGaps(table: ModelingTable, rows: readonly number[]): ModelingTable {
  const values = Float64Array.from(table.target.values);
  for (const t of rows) values[t] = NaN;
  return { ...table, target: { ...table.target, values } };
}

function specFor(): ModelSpec {
  const base = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'] });
  return {
    ...base, seasonalityOrder: 0, validationShare: VALIDATION, lambda: { lower: LAMBDA, upper: LAMBDA * (1 + 1e-12) },
    channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })),
  };
}

function trueVector(table: ModelingTable, spec: ModelSpec): Float64Array {
  const ps = searchParams(buildSearchProblem(table, spec));
  const values = [ALPHA[0], HILL[0].halfSaturation, HILL[0].shape, ALPHA[1], HILL[1].halfSaturation, HILL[1].shape];
  return Float64Array.from(ps.map((p, i) => (i < values.length ? toUnit(p.param, values[i]) : 0)));
}

test('with missing KPI periods the fit is the ridge regression on the observed rows, solved by hand', () => {
  const { table: full, sat, trend, y } = fixture([40, 25], 2);
  const table = withGaps(full, MISSING);
  const spec = specFor();
  const problem = buildSearchProblem(table, spec);
  const fit = createCandidateEvaluator(problem).fitCandidate(trueVector(table, spec));

  const trainEnd = N - Math.round(N * VALIDATION);
  assert.equal(problem.trainEnd, trainEnd);
  const observed = (t: number) => !MISSING.includes(t);
  const train = Array.from({ length: trainEnd }, (_, t) => t).filter(observed);
  const val = Array.from({ length: N - trainEnd }, (_, i) => trainEnd + i).filter(observed);
  const stat = (v: ArrayLike<number>) => {
    let m = 0; for (const t of train) m += v[t]; m /= train.length;
    let s = 0; for (const t of train) s += (v[t] - m) ** 2;
    return { m, sd: Math.sqrt(s / train.length) };
  };
  const cols = [trend, sat[0], sat[1]];
  const ys = stat(y), zs = cols.map(stat);
  const a = new Float64Array(9), b = new Float64Array(3);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (const t of train) s += ((cols[i][t] - zs[i].m) / zs[i].sd) * ((cols[j][t] - zs[j].m) / zs[j].sd);
      a[i * 3 + j] = s / train.length + (i === j ? LAMBDA : 0);
    }
    let s = 0;
    for (const t of train) s += ((cols[i][t] - zs[i].m) / zs[i].sd) * ((y[t] - ys.m) / ys.sd);
    b[i] = s / train.length;
  }
  const coef = solveLinear(a, 3, b).map((v, i) => (v * ys.sd) / zs[i].sd);
  const intercept = ys.m - coef.reduce((acc, c, i) => acc + c * zs[i].m, 0);
  const close = (got: number, want: number, what: string) => assert.ok(Math.abs(got - want) <= 1e-8 * Math.max(1, Math.abs(want)), `${what}: ${got} vs ${want}`);
  close(fit.baselineCoef[0], coef[0], 'trend');
  close(fit.mediaCoef[0], coef[1], 'c0');
  close(fit.mediaCoef[1], coef[2], 'c1');
  close(fit.intercept, intercept, 'intercept');

  // NRMSE on the observed training / validation rows, relative to the KPI's range over the observed fit rows.
  const pred = (t: number) => intercept + coef[0] * trend[t] + coef[1] * sat[0][t] + coef[2] * sat[1][t];
  const obsY = [...train, ...val].map((t) => y[t]);
  const range = Math.max(...obsY) - Math.min(...obsY);
  const nrmse = (rows: number[]) => Math.sqrt(rows.reduce((acc, t) => acc + (y[t] - pred(t)) ** 2, 0) / rows.length) / range;
  close(fit.objectives[0], nrmse(train), 'nrmseTrain');
  close(fit.objectives[1], nrmse(val), 'nrmseValidation');
  assert.equal(fit.evidence.n, train.length);

  // mediaSum and DECOMP.RSSD cover every row, observed or not: contributions exist where the KPI does not.
  for (let c = 0; c < 2; c++) close(fit.mediaSum[c], sat[c].reduce((acc, v) => acc + v, 0), `mediaSum ${c}`);
  const eff = [0, 1].map((c) => fit.mediaCoef[c] * sat[c].subarray(0, trainEnd).reduce((acc, v) => acc + v, 0));
  const spend = [0, 1].map((c) => full.channels[c].spend.subarray(0, trainEnd).reduce((acc, v) => acc + v, 0));
  const rssd = Math.hypot(...[0, 1].map((c) => eff[c] / (eff[0] + eff[1]) - spend[c] / (spend[0] + spend[1])));
  close(fit.objectives[2], rssd, 'decompRssd');
});

test('a missing period is left out, not read as 0, and everything the fit returns stays finite', () => {
  const { table } = fixture([40, 25], 2);
  const spec = specFor();
  const u = trueVector(table, spec);
  const a = createCandidateEvaluator(buildSearchProblem(withGaps(table, MISSING), spec)).fitCandidate(u);
  const zero = Float64Array.from(table.target.values);
  for (const t of MISSING) zero[t] = 0;
  const z = createCandidateEvaluator(buildSearchProblem({ ...table, target: { ...table.target, values: zero } }, spec)).fitCandidate(u);
  assert.ok(Math.abs(z.intercept - a.intercept) > 1, `zero-filled intercept ${z.intercept} vs ${a.intercept}`);
  for (const v of [a.intercept, ...a.mediaCoef, ...a.baselineCoef, ...a.objectives.subarray(0, 3), ...a.mediaSum, a.evidence.penalizedRss, a.evidence.logDetRatio]) {
    assert.ok(Number.isFinite(v));
  }
});

test('no observed validation period: nrmseValidation is NaN (as without a validation split), nothing divides by zero', () => {
  const { table } = fixture([40, 25], 2);
  const spec = specFor();
  const trainEnd = N - Math.round(N * VALIDATION);
  const gaps = Array.from({ length: N - trainEnd }, (_, i) => trainEnd + i);
  const fit = createCandidateEvaluator(buildSearchProblem(withGaps(table, gaps), spec)).fitCandidate(trueVector(table, spec));
  assert.ok(Number.isNaN(fit.objectives[1]));
  assert.ok(Number.isFinite(fit.objectives[0]) && Number.isFinite(fit.mediaCoef[0]) && Number.isFinite(fit.evidence.penalizedRss));
});

test('TOO_FEW_PERIODS when too few training periods have a known KPI', () => {
  const { table } = fixture([40, 25], 2);
  const spec = specFor();
  const gaps = Array.from({ length: N }, (_, t) => t).filter((t) => t % 20 !== 0);
  assert.throws(() => buildSearchProblem(withGaps(table, gaps), spec), (e: unknown) =>
    e instanceof EngineError && e.code === 'TOO_FEW_PERIODS' && /only \d+ of its 90 training periods have a known y/.test(e.message));
});
