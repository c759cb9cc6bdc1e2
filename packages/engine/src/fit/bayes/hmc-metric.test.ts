import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMetric, denseMetric, diagonalMetric } from './hmc-metric.ts';
import { createRng } from '../../random/rng.ts';
import { normal } from '../../random/distributions.ts';
import { cholesky } from '../../linalg/cholesky.ts';
import { inverseSpd } from '../../linalg/inverse-spd.ts';
import { EngineError } from '../../errors.ts';

const invalid = (e: unknown): boolean => e instanceof EngineError && e.code === 'INVALID_ARGUMENT';

/** Σ = A·Aᵀ + I for a fixed pseudo-random A: symmetric positive definite with sizeable correlations. */
function randomSpd(dim: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const a = Float64Array.from({ length: dim * dim }, () => normal(rng));
  const s = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < dim; j++) {
      let v = i === j ? 1 : 0;
      for (let k = 0; k < dim; k++) v += a[i * dim + k] * a[j * dim + k];
      s[i * dim + j] = v;
    }
  }
  return s;
}

function matVec(m: ArrayLike<number>, x: ArrayLike<number>, dim: number): Float64Array {
  const out = new Float64Array(dim);
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) out[i] += m[i * dim + j] * x[j];
  return out;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol * Math.max(1, Math.abs(expected[i])), `${what}[${i}]: ${actual[i]} vs ${expected[i]}`);
  }
}

test('diagonal metric: velocity, drift, kinetic energy and momenta follow Σ = diag(invMass) exactly', () => {
  const invMass = [4, 0.25, 9];
  const m = diagonalMetric(3, invMass);
  assert.equal(m.kind, 'diag');
  assert.equal(m.estimateLength, 3);
  const p = Float64Array.of(1, -2, 0.5);
  const v = new Float64Array(3);
  m.velocity(p, v);
  assert.deepEqual([...v], [4, -0.5, 4.5]);
  assert.equal(m.kinetic(p), 0.5 * (4 + 0.25 * 4 + 9 * 0.25));
  const q = Float64Array.of(1, 1, 1);
  m.drift(q, p, 0.5);
  assert.deepEqual([...q], [3, 0.75, 3.25]);
  // One normal per coordinate, in order, scaled by 1/√invMass: the sampler's historical draw order.
  const out = new Float64Array(3);
  m.sampleMomentum(createRng(9), out);
  const ref = createRng(9);
  assert.deepEqual([...out], invMass.map((s) => (1 / Math.sqrt(s)) * normal(ref)));
  assert.deepEqual([...m.invMassDiagonal()], invMass);
  assert.deepEqual([...m.invMassMatrix()], [4, 0, 0, 0, 0.25, 0, 0, 0, 9]);
});

test('dense metric: velocity, drift and kinetic energy equal the explicit products Σ·p and ½·pᵀΣp', () => {
  const dim = 5;
  const sigma = randomSpd(dim, 3);
  const m = denseMetric(dim);
  assert.equal(m.kind, 'dense');
  assert.equal(m.estimateLength, dim * dim);
  assert.equal(m.update(sigma), true);
  const rng = createRng(4);
  for (let rep = 0; rep < 5; rep++) {
    const p = Float64Array.from({ length: dim }, () => normal(rng));
    const sp = matVec(sigma, p, dim);
    const v = new Float64Array(dim);
    m.velocity(p, v);
    assertClose(v, sp, 1e-13, 'velocity');
    assert.ok(Math.abs(m.kinetic(p) - 0.5 * dot(p, sp)) <= 1e-13 * Math.abs(0.5 * dot(p, sp)), 'kinetic');
    const q = Float64Array.from({ length: dim }, () => normal(rng));
    const expected = q.map((qi, i) => qi + 0.3 * sp[i]);
    m.drift(q, p, 0.3);
    assertClose(q, expected, 1e-13, 'drift');
  }
  assertClose(m.invMassMatrix(), sigma, 0, 'invMassMatrix');
  assertClose(m.invMassDiagonal(), Array.from({ length: dim }, (_, i) => sigma[i * dim + i]), 0, 'invMassDiagonal');
});

test('dense metric: momenta are p = L⁻ᵀz from one normal per coordinate, with covariance ≈ Σ⁻¹', () => {
  const dim = 3;
  const sigma = Float64Array.of(4, 1.8, -0.6, 1.8, 1, -0.2, -0.6, -0.2, 0.25); // correlations 0.9, −0.6, −0.4
  const m = denseMetric(dim);
  assert.equal(m.update(sigma), true);
  // Exact construction: Lᵀp = z with z the next dim normals of the same stream.
  const l = cholesky(sigma, dim);
  const p = new Float64Array(dim);
  const rng = createRng(5);
  m.sampleMomentum(rng, p);
  const ref = createRng(5);
  const z = Array.from({ length: dim }, () => normal(ref));
  for (let i = 0; i < dim; i++) {
    let lt = 0;
    for (let k = i; k < dim; k++) lt += l[k * dim + i] * p[k];
    assert.ok(Math.abs(lt - z[i]) < 1e-12, `(Lᵀp)[${i}] ${lt} vs z ${z[i]}`);
  }
  assert.equal(rng.next(), ref.next()); // exactly dim normals consumed
  // Statistical check: sample covariance of many momenta vs M = Σ⁻¹, within 5 standard errors
  // (SE of a covariance entry ≈ √((M_ii·M_jj + M_ij²)/n) for Gaussian data).
  const n = 100_000;
  const mInv = inverseSpd(sigma, dim);
  const s = new Float64Array(dim * dim);
  const sum = new Float64Array(dim);
  for (let k = 0; k < n; k++) {
    m.sampleMomentum(rng, p);
    for (let i = 0; i < dim; i++) {
      sum[i] += p[i];
      for (let j = 0; j < dim; j++) s[i * dim + j] += p[i] * p[j];
    }
  }
  for (let i = 0; i < dim; i++) {
    assert.ok(Math.abs(sum[i] / n) < 5 * Math.sqrt(mInv[i * dim + i] / n), `mean ${i}: ${sum[i] / n}`);
    for (let j = 0; j < dim; j++) {
      const c = (s[i * dim + j] - (sum[i] * sum[j]) / n) / (n - 1);
      const truth = mInv[i * dim + j];
      const se = Math.sqrt((mInv[i * dim + i] * mInv[j * dim + j] + truth * truth) / n);
      assert.ok(Math.abs(c - truth) < 5 * se, `cov[${i}][${j}] ${c} vs ${truth} (SE ${se})`);
    }
  }
});

test('dense metric starts at Σ = diag(initialInvMass) and reads only the lower triangle of an estimate', () => {
  const m = denseMetric(2, [4, 9]);
  assert.deepEqual([...m.invMassMatrix()], [4, 0, 0, 9]);
  const p = new Float64Array(2);
  m.sampleMomentum(createRng(6), p);
  const ref = createRng(6);
  const z0 = normal(ref), z1 = normal(ref);
  assert.ok(Math.abs(p[0] - z0 / 2) < 1e-15 && Math.abs(p[1] - z1 / 3) < 1e-15, `${p[0]}, ${p[1]}`);
  assert.equal(m.update([2, 999, 1, 3]), true); // upper entry 999 ignored
  assert.deepEqual([...m.invMassMatrix()], [2, 1, 1, 3]);
});

test('an unusable estimate (not positive definite, non-finite, non-positive) keeps the previous metric', () => {
  const dense = denseMetric(2);
  assert.equal(dense.update([2, 0.5, 0.5, 1]), true);
  const p = Float64Array.of(0.7, -1.3);
  const k0 = dense.kinetic(p);
  const before = dense.invMassMatrix();
  for (const bad of [[1, 2, 2, 1], [0, 0, 0, 1], [NaN, 0, 0, 1], [1, 0, Infinity, 1], [-1, 0, 0, 1]]) {
    assert.equal(dense.update(bad), false, `${bad}`);
    assert.deepEqual(dense.invMassMatrix(), before);
    assert.equal(dense.kinetic(p), k0);
  }
  const m1 = new Float64Array(2);
  const m2 = new Float64Array(2);
  dense.sampleMomentum(createRng(1), m1);
  assert.equal(dense.update([1, 3, 3, 1]), false);
  dense.sampleMomentum(createRng(1), m2);
  assert.deepEqual(m1, m2); // the Cholesky factor is unchanged too
  assert.throws(() => dense.update([1, 0, 1]), invalid);

  const diag = diagonalMetric(2, [3, 5]);
  for (const bad of [[0, 1], [-1, 1], [NaN, 1], [1, Infinity]]) {
    assert.equal(diag.update(bad), false, `${bad}`);
    assert.deepEqual([...diag.invMassDiagonal()], [3, 5]);
  }
  assert.equal(diag.update([2, 7]), true);
  assert.deepEqual([...diag.invMassDiagonal()], [2, 7]);
  assert.throws(() => diag.update([1]), invalid);
});

test('factories validate initialInvMass and the metric kind', () => {
  for (const make of [diagonalMetric, denseMetric]) {
    assert.throws(() => make(2, [1]), invalid);
    assert.throws(() => make(2, [1, 0]), invalid);
    assert.throws(() => make(2, [1, NaN]), invalid);
  }
  const { metric, estimate } = createMetric('dense', 3, 1000);
  assert.equal(metric.kind, 'dense');
  assert.equal(estimate.length, 9);
  assert.equal(createMetric('diag', 3, 1000).estimate.length, 3);
  assert.throws(() => createMetric('full' as 'dense', 3, 1000), invalid);
});
