import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '../model/mmm-model.ts';
import { ADJ_R2_MIN_DF, fitMetrics, rangeFitMetrics } from './fit-metrics.ts';

/** fitMetrics reads only the number of coefficients: 2 baseline terms and 1 channel, p = 3. */
const model = { baseline: [{}, {}], channels: [{}] } as unknown as MmmModel;

const ACTUAL = [10, 12, NaN, 15, 11, NaN, NaN, 14, 13, 16, 12, NaN];
const FITTED = [11, 12, 99, 14, 12, -5, 0, 13, 13, 15, 14, 7];
const KEPT = ACTUAL.flatMap((a, t) => (Number.isNaN(a) ? [] : [t]));

test('fitMetrics: rows whose KPI is NaN are skipped, giving the metrics of the same data with those rows removed', () => {
  const got = fitMetrics(Float64Array.from(ACTUAL), Float64Array.from(FITTED), 0, 12, model);
  const removed = fitMetrics(Float64Array.from(KEPT, (t) => ACTUAL[t]), Float64Array.from(KEPT, (t) => FITTED[t]), 0, KEPT.length, model);
  assert.deepEqual(got, removed);
  // Closed forms on the 8 kept rows: y = 10 12 15 11 14 13 16 12 (mean 12.875), e = y − ŷ = −1 0 1 −1 1 0 1 −2.
  const sse = 1 + 0 + 1 + 1 + 1 + 0 + 1 + 4; // 9
  const sst = [10, 12, 15, 11, 14, 13, 16, 12].reduce((s, y) => s + (y - 12.875) ** 2, 0); // 30.875
  const r2 = 1 - sse / sst;
  const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
  close(got.r2, r2);
  // n = 8 observed rows, p = 3: n − p − 1 = 4 < ADJ_R2_MIN_DF, too few for an adjusted R² that means anything.
  assert.ok(Number.isNaN(got.adj_r2));
  close(got.rmse, Math.sqrt(sse / 8));
  close(got.mae, 7 / 8);
  close(got.wmape, 7 / 103);
  close(got.nrmse, Math.sqrt(sse / 8) / (16 - 10));
  // A NaN row inside a sub-range is skipped too; a range with no NaN is as before.
  assert.deepEqual(fitMetrics(Float64Array.from(ACTUAL), Float64Array.from(FITTED), 3, 5, model), fitMetrics(Float64Array.from([15, 11]), Float64Array.from([14, 12]), 0, 2, model));
});

test('fitMetrics: NaN metrics when no row of the range has a KPI (instead of throwing on an empty sample)', () => {
  const m = fitMetrics(Float64Array.from(ACTUAL), Float64Array.from(FITTED), 5, 7, model);
  assert.ok(Object.values(m).every(Number.isNaN));
});

test('rangeFitMetrics: the range\'s size, the observed count only when it differs, null when nothing is observed', () => {
  const a = Float64Array.from(ACTUAL), f = Float64Array.from(FITTED);
  const all = rangeFitMetrics(a, f, 0, 12, model);
  assert.equal(all?.periods, 12);
  assert.equal(all?.observed, 8);
  const full = rangeFitMetrics(a, f, 7, 11, model);
  assert.equal(full?.periods, 4);
  assert.equal(full !== null && 'observed' in full, false, 'no observed field when every period has a KPI');
  assert.equal(rangeFitMetrics(a, f, 5, 7, model), null);
});

test('fitMetrics: adjusted R² needs n − p − 1 ≥ ADJ_R2_MIN_DF (one rule for in-sample and holdout): 28 rows and 25 regressors give n/a, not −5', () => {
  const wide = { baseline: Array.from({ length: 20 }, () => ({})), channels: Array.from({ length: 5 }, () => ({})) } as unknown as MmmModel;
  const y = Float64Array.from({ length: 40 }, (_, t) => 100 + 10 * Math.sin(t));
  const f = Float64Array.from(y, (v, t) => v + (t % 3) - 1 + 4 * Math.cos(3 * t));
  const r2 = fitMetrics(y, f, 0, 28, wide).r2;
  assert.ok(Number.isFinite(r2));
  assert.ok(Number.isNaN(fitMetrics(y, f, 0, 28, wide).adj_r2), 'n − p − 1 = 2');
  const n = 25 + 1 + ADJ_R2_MIN_DF; // the first n that qualifies
  const at = fitMetrics(y, f, 0, n, wide);
  assert.ok(Math.abs(at.adj_r2 - (1 - ((1 - at.r2) * (n - 1)) / (n - 25 - 1))) < 1e-12);
  assert.ok(Number.isNaN(fitMetrics(y, f, 0, n - 1, wide).adj_r2));
});
