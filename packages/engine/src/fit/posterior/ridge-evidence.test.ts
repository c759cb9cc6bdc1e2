import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ridgeLogEvidence } from './ridge-evidence.ts';
import { evidenceTerms } from '../search/evidence-terms.ts';
import { cholesky } from '../../linalg/cholesky.ts';
import { choleskySolve } from '../../linalg/cholesky-solve.ts';
import { createRng } from '../../random/rng.ts';

const N = 30, P = 3;

/** A centred design with unit-variance columns [N × P] row-major, and a centred response. */
function data(seed: number): { z: Float64Array; y: Float64Array } {
  const rng = createRng(seed);
  const z = new Float64Array(N * P), y = new Float64Array(N);
  for (let i = 0; i < N * P; i++) z[i] = rng.next() - 0.5;
  for (let j = 0; j < P; j++) {
    let m = 0, s = 0;
    for (let i = 0; i < N; i++) m += z[i * P + j] / N;
    for (let i = 0; i < N; i++) { z[i * P + j] -= m; s += z[i * P + j] ** 2 / N; }
    for (let i = 0; i < N; i++) z[i * P + j] /= Math.sqrt(s);
  }
  for (let i = 0; i < N; i++) y[i] = 0.8 * z[i * P] - 0.3 * z[i * P + 2] + 0.4 * (rng.next() - 0.5);
  let m = 0;
  for (let i = 0; i < N; i++) m += y[i] / N;
  for (let i = 0; i < N; i++) y[i] -= m;
  return { z, y };
}

/** Through the p × p ridge solve, as the evaluator does. */
function viaRidge(z: Float64Array, y: Float64Array, lambda: number): number {
  const g = new Float64Array(P * P), c = new Float64Array(P);
  for (let j = 0; j < P; j++) {
    for (let k = 0; k < P; k++) { let s = 0; for (let i = 0; i < N; i++) s += z[i * P + j] * z[i * P + k]; g[j * P + k] = s / N; }
    g[j * P + j] += lambda;
    let s = 0; for (let i = 0; i < N; i++) s += z[i * P + j] * y[i]; c[j] = s / N;
  }
  const b = choleskySolve(cholesky(g, P), P, c);
  let rss = 0;
  for (let i = 0; i < N; i++) { let f = 0; for (let j = 0; j < P; j++) f += z[i * P + j] * b[j]; rss += (y[i] - f) ** 2; }
  return ridgeLogEvidence(evidenceTerms(g, b, new Uint8Array(P).fill(1), P, lambda, rss, N));
}

/**
 * Independently, through the N × N marginal covariance: y ~ N(0, σ²C), C = I + ZZᵀ/(Nλ); with σ² at
 * its maximum yᵀC⁻¹y/N, log p = −(N/2)·log(yᵀC⁻¹y) − ½·log det C + a constant free of λ and Z.
 */
function viaMarginal(z: Float64Array, y: Float64Array, lambda: number): number {
  const cm = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let k = 0; k < N; k++) {
      let s = 0; for (let j = 0; j < P; j++) s += z[i * P + j] * z[k * P + j];
      cm[i * N + k] = s / (N * lambda) + (i === k ? 1 : 0);
    }
  }
  const l = cholesky(cm, N);
  let logDet = 0;
  for (let i = 0; i < N; i++) logDet += 2 * Math.log(l[i * N + i]);
  const x = choleskySolve(l, N, y);
  let q = 0;
  for (let i = 0; i < N; i++) q += y[i] * x[i];
  return -(N / 2) * Math.log(q) - 0.5 * logDet;
}

test('ridgeLogEvidence equals the Gaussian marginal likelihood computed through the N × N covariance (up to one constant)', () => {
  const a = data(3), b = data(4);
  const cases: [Float64Array, Float64Array, number][] = [[a.z, a.y, 1e-3], [a.z, a.y, 0.1], [a.z, a.y, 2], [b.z, a.y, 0.1], [b.z, b.y, 0.5]];
  const offsets = cases.map(([z, y, lambda]) => viaRidge(z, y, lambda) - viaMarginal(z, y, lambda));
  for (const o of offsets) assert.ok(Math.abs(o - offsets[0]) < 1e-9, `offsets ${offsets.join(', ')}`);
});

test('the evidence has an interior maximum in λ, where the profile likelihood would take the smallest λ', () => {
  const { z, y } = data(5);
  const grid = [1e-6, 1e-4, 1e-2, 0.1, 1, 10, 100].map((l) => viaRidge(z, y, l));
  const best = grid.indexOf(Math.max(...grid));
  assert.ok(best > 0 && best < grid.length - 1, `evidence over λ: ${grid.map((v) => v.toFixed(2)).join(', ')}`);
});

test('a dead column (an identity row of G) changes nothing', () => {
  const g = Float64Array.of(1.2, 0.3, 0.3, 1.2);
  const b = Float64Array.of(0.4, 0.1);
  const one = evidenceTerms(g, b, Uint8Array.of(1, 1), 2, 0.2, 5, 40);
  const g3 = Float64Array.of(1.2, 0, 0.3, 0, 1.2, 0, 0.3, 0, 1.2);
  const three = evidenceTerms(g3, Float64Array.of(0.4, 0, 0.1), Uint8Array.of(1, 0, 1), 3, 0.2, 5, 40);
  assert.equal(three.nLive, 2);
  assert.ok(Math.abs(one.logDetRatio - three.logDetRatio) < 1e-12);
  assert.equal(one.penalizedRss, three.penalizedRss);
  assert.ok(Math.abs(one.penalizedRss - (5 + 40 * 0.2 * (0.16 + 0.01))) < 1e-12);
  assert.ok(Math.abs(one.logDetRatio - Math.log((1.44 - 0.09) / 0.04)) < 1e-12);
});

test('no evidence for a perfect fit or a singular design', () => {
  assert.equal(ridgeLogEvidence({ penalizedRss: 0, logDetRatio: 1, nLive: 1, n: 10 }), -Infinity);
  assert.equal(ridgeLogEvidence(evidenceTerms(Float64Array.of(1, 1, 1, 1), Float64Array.of(0, 0), Uint8Array.of(1, 1), 2, 0.5, 1, 10)), -Infinity);
});

test('no live column: the evidence of the response alone, −(n/2)·log ‖ỹ‖²', () => {
  const terms = evidenceTerms(Float64Array.of(1.5), Float64Array.of(0), Uint8Array.of(0), 1, 0.5, 8, 20);
  assert.equal(terms.nLive, 0);
  assert.equal(terms.logDetRatio, 0);
  assert.ok(Math.abs(ridgeLogEvidence(terms) + 10 * Math.log(8)) < 1e-12);
});
