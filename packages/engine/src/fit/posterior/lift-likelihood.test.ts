import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liftLogLikelihood } from './lift-likelihood.ts';
import { hyperLogPosterior, sampleHyperPosterior } from './hyper-posterior.ts';
import { liftTestDateProblems } from '../../spec/lift-test-date-problems.ts';
import { buildSearchProblem, searchParams, withoutValidation } from '../search/search-problem.ts';
import { createCandidateEvaluator } from '../search/candidate-evaluator.ts';
import { defaultModelSpec, DEFAULT_LIFT_TEST_RELATIVE_SE, type ModelSpec, type LiftTest } from '../../spec/model-spec.ts';
import { toUnit } from '../../transforms/param-spec.ts';
import { N, ALPHA, HILL, fixture } from '../../../test/two-channel-fixture.ts';
import { applyAdstock } from '../../transforms/adstock/adstock.ts';
import { hillSaturation } from '../../transforms/saturation/hill.ts';
import type { ModelingTable } from '../../spec/modeling-table.ts';

/** Channel c's true saturated series with its spend in rows [from, to) set to 0 (the fixture's scale: mean positive adstock of the actual spend). */
function darkSaturated(table: ModelingTable, c: number, from: number, to: number): Float64Array {
  const adstock = (x: Float64Array) => applyAdstock(x, { type: 'geometric', alpha: ALPHA[c] }, { maxLag: 8, normalised: true });
  const a = adstock(table.channels[c].spend);
  const floor = 1e-12 * Math.max(...a);
  const positive = a.filter((v) => v > floor);
  const scale = positive.reduce((x, y) => x + y, 0) / positive.length;
  const dark = Float64Array.from(table.channels[c].spend);
  dark.fill(0, from, to);
  const out = new Float64Array(N);
  hillSaturation.apply(adstock(dark).map((v) => v / scale), HILL[c], out);
  return out;
}

function spec(liftTests: LiftTest[]): ModelSpec {
  const base = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'] });
  return { ...base, seasonalityOrder: 0, liftTests, channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })) };
}

test('log likelihood is −½ Σ ((prediction − lift) / se)², by hand', () => {
  const ll = liftLogLikelihood({ liftTests: [
    { channel: 0, startRow: 0, endRow: 4, measureEndRow: 4, lift: 100, se: 10 },
    { channel: 1, startRow: 2, endRow: 6, measureEndRow: 6, lift: 50, se: 5 },
  ] });
  // z = (120 − 100)/10 = 2 and (45 − 50)/5 = −1: −½(4 + 1)
  assert.equal(ll({ liftPredictions: Float64Array.of(120, 45) }), -2.5);
  assert.equal(liftLogLikelihood({ liftTests: [] })({ liftPredictions: new Float64Array(0) }), 0);
});

test('a lift test without a standard error gets DEFAULT_LIFT_TEST_RELATIVE_SE × lift; a bad one is rejected', () => {
  const { table } = fixture([40, 25], 2);
  const p = buildSearchProblem(table, spec([
    { channel: 'c0', start: table.dates[10], end: table.dates[17], lift: 300 },
    { channel: 'c1', start: table.dates[20], end: table.dates[23], lift: 80, standardError: 12 },
  ]));
  assert.deepEqual(p.liftTests.map((t) => [t.channel, t.startRow, t.endRow, t.se]), [[0, 10, 18, DEFAULT_LIFT_TEST_RELATIVE_SE * 300], [1, 20, 24, 12]]);
  assert.throws(() => buildSearchProblem(table, spec([{ channel: 'c0', start: table.dates[1], end: table.dates[2], lift: 5, standardError: 0 }])), /standard error/);
  // measuredThrough: stored as the end of the measured rows; before the end or past the data it is refused.
  const through = buildSearchProblem(table, spec([{ channel: 'c0', start: table.dates[10], end: table.dates[17], measuredThrough: table.dates[21], lift: 300 }]));
  assert.deepEqual(through.liftTests.map((t) => [t.startRow, t.endRow, t.measureEndRow]), [[10, 18, 22]]);
  assert.throws(() => buildSearchProblem(table, spec([{ channel: 'c0', start: table.dates[10], end: table.dates[17], measuredThrough: table.dates[16], lift: 300 }])), /measured through .*, before the test ends/);
  assert.throws(() => buildSearchProblem(table, spec([{ channel: 'c0', start: table.dates[10], end: table.dates[17], measuredThrough: '2099-01-01', lift: 300 }])), /last date of the data/);
});

test('a lift test with no period inside the fitted rows (window minus holdout) is an error naming them', () => {
  const { table } = fixture([40, 25], 2);
  const inHoldout = { ...spec([{ channel: 'c0', start: table.dates[112], end: table.dates[115], lift: 50 }]), holdout: 10 };
  assert.throws(() => buildSearchProblem(table, inHoldout), new RegExp(`no period inside the fitted rows \\(${table.dates[0]} … ${table.dates[109]}\\)`));
  // One overlapping row is enough.
  const edge = { ...spec([{ channel: 'c0', start: table.dates[109], end: table.dates[115], lift: 50 }]), holdout: 10 };
  assert.deepEqual(buildSearchProblem(table, edge).liftTests.map((t) => [t.startRow, t.endRow]), [[109, 116]]);
});

test('the engine refuses lift-test dates the data layer refuses (one rule set: liftTestDateProblems)', () => {
  const { table } = fixture([40, 25], 2);
  const last = table.dates[table.dates.length - 1];
  const bad: [string, string, RegExp][] = [
    ['2000-01-03', table.dates[3], /reaches outside the data/], // starts before the data
    [table.dates[100], '2099-12-28', /reaches outside the data/], // ends after it
    ['2099-01-05', '2099-02-02', /lies outside the data/],
    [table.dates[5], table.dates[3], /ends .* before it starts/],
  ];
  for (const [start, end, re] of bad) {
    assert.throws(() => buildSearchProblem(table, spec([{ channel: 'c0', start, end, lift: 50 }])), re, `${start} … ${end}`);
    assert.ok(liftTestDateProblems({ start, end }, table.dates).some((p) => re.test(p.message)), `${start} … ${end}`);
  }
  // A test between two weekly row dates contains no period.
  const mid = (d: string, days: number) => new Date(Date.parse(d) + days * 86400000).toISOString().slice(0, 10);
  assert.throws(() => buildSearchProblem(table, spec([{ channel: 'c0', start: mid(table.dates[4], 1), end: mid(table.dates[4], 5), lift: 50 }])), /contains no period/);
  assert.deepEqual(liftTestDateProblems({ start: table.dates[4], end: last }, table.dates), []);
});

test('the hyperparameter posterior adds the lift tests\' likelihood, with the counterfactual lift as prediction', () => {
  const { table, sat } = fixture([40, 25], 2);
  const tests: LiftTest[] = [{ channel: 'c0', start: table.dates[30], end: table.dates[37], measuredThrough: table.dates[39], lift: 250, standardError: 20 }];
  const plain = buildSearchProblem(table, spec([]));
  const lifted = buildSearchProblem(table, spec(tests));
  const ps = searchParams(plain);
  const u = Float64Array.from(ps.map((p, i) => toUnit(p.param, [ALPHA[0], HILL[0].halfSaturation, HILL[0].shape, ALPHA[1], HILL[1].halfSaturation, HILL[1].shape, 1e-3][i])));
  // Prediction built independently: the fitted coefficient times the true saturated series minus the
  // same with rows 30–37 dark, over the measured rows 30–39.
  const coef = createCandidateEvaluator(withoutValidation(plain)).fitCandidate(u).mediaCoef[0];
  const dark = darkSaturated(table, 0, 30, 38);
  let s = 0;
  for (let t = 30; t <= 39; t++) s += sat[0][t] - dark[t];
  const z = (coef * s - 250) / 20;
  const diff = hyperLogPosterior(lifted, undefined)(u) - hyperLogPosterior(plain, undefined)(u);
  assert.ok(Math.abs(diff - -0.5 * z * z) < 1e-6 * (1 + 0.5 * z * z), `${diff} vs ${-0.5 * z * z}`);
});

test('a tight lift test pulls the posterior lift to the measured value', async () => {
  // Noisy data: without the test the lift of c0's spend in rows 40–51 is loosely pinned. Two
  // conflicting measurements (true value and 1.6×) must move the posterior mean to each of them.
  const { table, sat } = fixture([40, 25], 12);
  const dark = darkSaturated(table, 0, 40, 52);
  let truth = 0;
  for (let t = 40; t <= 51; t++) truth += 40 * (sat[0][t] - dark[t]);
  const meanPrediction = async (lift: number): Promise<number> => {
    const problem = buildSearchProblem(table, spec([{ channel: 'c0', start: table.dates[40], end: table.dates[51], lift, standardError: 0.03 * lift }]));
    const ev = createCandidateEvaluator(withoutValidation(problem));
    const d = searchParams(problem).length;
    const res = await sampleHyperPosterior(problem, new Float64Array(d).fill(0.5), { iterations: 6000, seed: 3, thin: 10 });
    let m = 0;
    for (let i = 0; i < res.nSamples; i++) m += ev.fitCandidate(res.samples.subarray(i * d, (i + 1) * d)).liftPredictions[0];
    return m / res.nSamples;
  };
  const atTruth = await meanPrediction(truth), atHigh = await meanPrediction(1.6 * truth);
  assert.ok(Math.abs(atTruth / truth - 1) < 0.1, `posterior mean ${atTruth} vs measured ${truth}`);
  assert.ok(Math.abs(atHigh / (1.6 * truth) - 1) < 0.1, `posterior mean ${atHigh} vs measured ${1.6 * truth}`);
});
