import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDenseMetricAdapter, createWelfordCovariance, regularizeCovariance } from './dense-metric-adaptation.ts';
import { createDiagonalMetricAdapter } from './mass-matrix-adaptation.ts';
import { createRng } from '../../random/rng.ts';
import { normal } from '../../random/distributions.ts';
import { EngineError } from '../../errors.ts';

const invalid = (e: unknown): boolean => e instanceof EngineError && e.code === 'INVALID_ARGUMENT';

/** n correlated, offset random vectors of length dim, row-major. */
function randomData(n: number, dim: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(n * dim);
  for (let k = 0; k < n; k++) {
    let common = normal(rng);
    for (let i = 0; i < dim; i++) {
      common = 0.8 * common + normal(rng);
      x[k * dim + i] = 10 * (i + 1) + (i + 1) * common;
    }
  }
  return x;
}

/** Two-pass sample covariance (divisor n − 1), row-major [dim × dim]. */
function twoPassCovariance(x: Float64Array, n: number, dim: number): { mean: Float64Array; cov: Float64Array } {
  const mean = new Float64Array(dim);
  for (let k = 0; k < n; k++) for (let i = 0; i < dim; i++) mean[i] += x[k * dim + i];
  for (let i = 0; i < dim; i++) mean[i] /= n;
  const cov = new Float64Array(dim * dim);
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < dim; i++) {
      for (let j = 0; j < dim; j++) cov[i * dim + j] += (x[k * dim + i] - mean[i]) * (x[k * dim + j] - mean[j]);
    }
  }
  for (let e = 0; e < dim * dim; e++) cov[e] /= n - 1;
  return { mean, cov };
}

test('Welford covariance matches a two-pass covariance on random data to 1e-12 (relative), exactly symmetric', () => {
  const n = 500, dim = 6;
  const x = randomData(n, dim, 1);
  const w = createWelfordCovariance(dim);
  for (let k = 0; k < n; k++) w.add(x.subarray(k * dim, (k + 1) * dim));
  assert.equal(w.count, n);
  const { mean, cov } = twoPassCovariance(x, n, dim);
  const wm = w.mean();
  const wc = w.covariance();
  for (let i = 0; i < dim; i++) {
    assert.ok(Math.abs(wm[i] - mean[i]) <= 1e-12 * Math.abs(mean[i]), `mean ${i}: ${wm[i]} vs ${mean[i]}`);
    for (let j = 0; j < dim; j++) {
      // Relative to the entry's scale √(C_ii·C_jj): off-diagonal entries may be near 0.
      const scale = Math.sqrt(cov[i * dim + i] * cov[j * dim + j]);
      assert.ok(Math.abs(wc[i * dim + j] - cov[i * dim + j]) <= 1e-12 * scale, `cov[${i}][${j}]: ${wc[i * dim + j]} vs ${cov[i * dim + j]}`);
      assert.equal(wc[i * dim + j], wc[j * dim + i]);
    }
  }
  // Correlated data, so the off-diagonal part is really exercised.
  assert.ok(cov[1] / Math.sqrt(cov[0] * cov[dim + 1]) > 0.5);
});

test('Welford covariance: exact on a large offset, zero below two vectors, reset, length checks', () => {
  const w = createWelfordCovariance(2);
  for (const v of [1, 2, 3, 4, 5]) w.add([1e9 + v, 1e9 - 2 * v]);
  // Σ(x − 3)²/4 = 2.5; the one-pass Σxy − n·x̄ȳ formula would lose every digit on the 1e9 offset.
  assert.deepEqual([...w.covariance()], [2.5, -5, -5, 10]);
  assert.deepEqual([...w.mean()], [1e9 + 3, 1e9 - 6]);
  w.reset();
  assert.equal(w.count, 0);
  w.add([7, 8]);
  assert.deepEqual([...w.covariance()], [0, 0, 0, 0]);
  assert.throws(() => w.add([1]), invalid);
  assert.throws(() => w.covariance(new Float64Array(3)), invalid);
  assert.throws(() => createWelfordCovariance(0), invalid);
});

test('regularised covariance is (n/(n+5))·cov + 1e-3·(5/(n+5))·I', () => {
  // n = 20: a = 0.8, b = 1e-3·0.2 = 2e-4.
  const out = regularizeCovariance([4, 2, 2, 3], 2, 20);
  const expected = [3.2002, 1.6, 1.6, 2.4002];
  for (let k = 0; k < 4; k++) assert.ok(Math.abs(out[k] - expected[k]) < 1e-15, `${k}: ${out[k]}`);
  // n = 5: a = 0.5, b = 5e-4; in place.
  const inPlace = Float64Array.of(1, -1, 0, -1, 2, 0.5, 0, 0.5, 0);
  regularizeCovariance(inPlace, 3, 5, inPlace);
  const e2 = [0.5005, -0.5, 0, -0.5, 1.0005, 0.25, 0, 0.25, 0.0005];
  for (let k = 0; k < 9; k++) assert.ok(Math.abs(inPlace[k] - e2[k]) < 1e-15, `${k}: ${inPlace[k]}`);
  assert.throws(() => regularizeCovariance([1], 1, 0), invalid);
  assert.throws(() => regularizeCovariance([1, 0, 0], 2, 10), invalid);
  assert.throws(() => regularizeCovariance([1, 0, 0, 1], 2, 10, new Float64Array(3)), invalid);
});

test('dense adapter: same window ends as the diagonal one, each estimate from its window only', () => {
  const dim = 2;
  for (const warmup of [150, 200, 320, 1000, 2000]) {
    const dense = createDenseMetricAdapter(dim, warmup);
    const diag = createDiagonalMetricAdapter(dim, warmup);
    assert.deepEqual(dense.schedule, diag.schedule);
    const rng = createRng(warmup);
    const cov = new Float64Array(dim * dim);
    const invMass = new Float64Array(dim);
    // Window data collected independently, to recompute each estimate from scratch.
    let window: number[][] = [];
    let updates = 0;
    for (let it = 0; it < warmup; it++) {
      const x = [it < 75 ? 1e6 : normal(rng), 0];
      x[1] = 0.5 * x[0] + 0.1 * normal(rng) + it * 1e-3;
      const inSlow = it >= 75 && it < warmup - 50;
      if (inSlow) window.push(x);
      const fired = dense.observe(it, x, cov);
      assert.equal(diag.observe(it, x, invMass), fired, `warmup ${warmup}, it ${it}`);
      if (!fired) continue;
      updates++;
      assert.equal(it, dense.schedule.windowEnds[updates - 1]);
      const n = window.length;
      const { cov: truth } = twoPassCovariance(Float64Array.from(window.flat()), n, dim);
      const reg = regularizeCovariance(truth, dim, n);
      for (let k = 0; k < dim * dim; k++) assert.ok(Math.abs(cov[k] - reg[k]) < 1e-12 * Math.max(1, Math.abs(reg[k])), `warmup ${warmup} window ${updates}: ${cov[k]} vs ${reg[k]}`);
      for (let i = 0; i < dim; i++) assert.ok(Math.abs(cov[i * dim + i] - invMass[i]) < 1e-12 * invMass[i]);
      window = [];
    }
    assert.equal(updates, dense.schedule.windowEnds.length);
  }
});

test('dense adapter with warmup < 150 never writes the metric; wrong output length throws', () => {
  const adapt = createDenseMetricAdapter(2, 149);
  const cov = Float64Array.of(3, 0, 0, 4);
  for (let it = 0; it < 149; it++) assert.equal(adapt.observe(it, [it, -it], cov), false);
  assert.deepEqual([...cov], [3, 0, 0, 4]);
  const a2 = createDenseMetricAdapter(2, 150);
  for (let it = 0; it < 99; it++) a2.observe(it, [it, -it], cov);
  assert.throws(() => a2.observe(99, [0, 0], new Float64Array(2)), invalid);
});
