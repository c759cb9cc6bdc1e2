import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel, ModelChannel } from '../model/mmm-model.ts';
import { MODEL_SCHEMA_VERSION } from '../model/mmm-model.ts';
import { defaultModelSpec, DEFAULT_LIFT_TEST_RELATIVE_SE, type LiftTest } from '../spec/model-spec.ts';
import { quantile } from '../stats/quantile.ts';
import { liftTestCheck } from './lift-test-check.ts';
import { summarizeModel } from './summarize.ts';

const N = 40, START = 4, END = 36, HOLDOUT = 6;
const dates = Array.from({ length: N }, (_, t) => new Date(Date.UTC(2023, 0, 2 + 7 * t)).toISOString().slice(0, 10));
const spend = Array.from({ length: N }, (_, t) => 1000 + 400 * Math.sin(t) + (t % 5 === 0 ? 600 : 0));
const ALPHA = 0.5, LAG = 3, HALF = 1.1, SHAPE = 1.5, SCALE = 1200, COEF = 5000;

/** Contribution per period by hand: normalised geometric weights α^l / Σα^l, Hill of adstock / scale. */
function handContribution(coef: number, x: readonly number[] = spend): number[] {
  const w = Array.from({ length: LAG + 1 }, (_, l) => ALPHA ** l);
  const sw = w.reduce((a, b) => a + b, 0);
  return x.map((_, t) => {
    let a = 0;
    for (let l = 0; l <= LAG && l <= t; l++) a += (w[l] / sw) * x[t - l];
    const u = a / SCALE;
    return (coef * u ** SHAPE) / (u ** SHAPE + HALF ** SHAPE);
  });
}

/** The lift by hand: contributions with and without the spend of rows [a, b), the difference summed over [a, m). */
function handLift(coef: number, a: number, b: number, m: number): number {
  const actual = handContribution(coef);
  const dark = handContribution(coef, spend.map((v, t) => (t >= a && t < b ? 0 : v)));
  let s = 0;
  for (let t = a; t < m; t++) s += actual[t] - dark[t];
  return s;
}

function model(liftTests: LiftTest[], replicateCoefs: number[] = []): MmmModel {
  const tv: ModelChannel = {
    name: 'tv', column: 'tv_spend', spend, adstock: { type: 'geometric', alpha: ALPHA }, maxLag: LAG,
    saturation: { type: 'hill', halfSaturation: HALF, shape: SHAPE }, scale: SCALE, coef: COEF,
  };
  return {
    schemaVersion: MODEL_SCHEMA_VERSION, target: { name: 'revenue', kind: 'revenue' }, frequency: 'weekly', dates,
    window: { start: START, end: END }, holdout: HOLDOUT,
    spec: { ...defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['tv'] }), liftTests },
    intercept: 10000, channels: [tv], baseline: [], actual: spend.map(() => 20000),
    search: { nCandidates: 0, objectives: [], chosen: { objectives: [], score: 0 }, pareto: [], selectionRule: 'none' },
    bootstrapRoi: replicateCoefs.map(() => [0]),
    bootstrapCurves: replicateCoefs.map((coef) => [{ adstock: tv.adstock, saturation: tv.saturation, scale: SCALE, coef }]),
  };
}

test('predicted = what the test rows\' spend added over the measured rows (by hand), z in standard errors', () => {
  const [inside, after] = liftTestCheck(model([
    { channel: 'tv', start: dates[10], end: dates[17], lift: 40000, standardError: 5000 },
    // Measured three weeks past its end, into the holdout (rows 30–35): the model predicts those rows too.
    { channel: 'tv', start: dates[26], end: dates[29], measuredThrough: dates[32], lift: 20000 },
  ]));
  const h1 = handLift(COEF, 10, 18, 18), h2 = handLift(COEF, 26, 30, 33);
  assert.ok(Math.abs(inside.predicted - h1) < 1e-9 * h1, `${inside.predicted} vs ${h1}`);
  assert.ok(Math.abs(inside.z - (inside.predicted - 40000) / 5000) < 1e-12);
  assert.equal(inside.standard_error, 5000);
  assert.equal(inside.measured_through, dates[17], 'measured through the end unless stated');
  assert.ok(Math.abs(after.predicted - h2) < 1e-9 * h2, `${after.predicted} vs ${h2}`);
  assert.equal(after.measured_through, dates[32]);
  assert.equal(after.standard_error, DEFAULT_LIFT_TEST_RELATIVE_SE * 20000, 'no stated standard error: the default share of the lift');
  assert.equal(inside.predicted_interval, null, 'no replicates, no interval');
  // Not the contribution over the test rows: that also counts carryover of earlier spend (here larger).
  const contribution = handContribution(COEF).slice(10, 18).reduce((a, b) => a + b, 0);
  assert.ok(contribution > 1.05 * inside.predicted, `${contribution} vs ${inside.predicted}`);
});

test('the interval is the 5–95% range of the replicates\' lifts', () => {
  const coefs = Array.from({ length: 20 }, (_, r) => COEF * (0.8 + 0.02 * r));
  const [check] = liftTestCheck(model([{ channel: 'tv', start: dates[10], end: dates[17], lift: 40000 }], coefs));
  // The lift is linear in the coefficient, so each replicate's prediction is predicted × coef / COEF.
  const reps = coefs.map((c) => (check.predicted * c) / COEF);
  assert.ok(check.predicted_interval !== null);
  assert.ok(Math.abs(check.predicted_interval[0] - quantile(reps, 0.05)) < 1e-9 * check.predicted);
  assert.ok(Math.abs(check.predicted_interval[1] - quantile(reps, 0.95)) < 1e-9 * check.predicted);
});

test('summary.json carries the check; empty without lift tests', () => {
  assert.deepEqual(summarizeModel(model([])).lift_tests, []);
  const m = model([{ channel: 'tv', start: dates[10], end: dates[17], lift: 40000, standardError: 5000 }]);
  assert.deepEqual(summarizeModel(m).lift_tests, liftTestCheck(m));
});
