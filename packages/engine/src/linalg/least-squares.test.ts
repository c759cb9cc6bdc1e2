import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leastSquares } from './least-squares.ts';
import { EngineError } from '../errors.ts';
import { createRng } from '../random/rng.ts';
import { normal } from '../random/distributions.ts';

const X = Float64Array.of(1, 0.5, 2, 1, 1.5, -1, 1, 2, 0.3, 1, 3.5, 1.2, 1, 4, -0.7, 1, 5.5, 2.2, 1, 6, 0.1);
const Y = Float64Array.of(2.1, 3.9, 4.2, 7.7, 7.1, 12.3, 11.0);

test('leastSquares matches numpy.linalg.lstsq', () => {
  // coef, rss, _, _ = numpy.linalg.lstsq(X, y, rcond=None)
  const expected = [0.7792678793356692, 1.7799344706812776, 0.4650321997514403];
  const { coefficients, residualSumOfSquares } = leastSquares(X, 7, 3, Y);
  for (let i = 0; i < 3; i++) {
    assert.ok(Math.abs(coefficients[i] - expected[i]) < 1e-13, `${i}: ${coefficients[i]}`);
  }
  assert.ok(Math.abs(residualSumOfSquares - 2.1643045983504705) < 1e-12, `${residualSumOfSquares}`);
});

test('the reported RSS equals ‖y − Xβ‖² and residuals are orthogonal to X', () => {
  const rng = createRng(7);
  const n = 60, p = 4;
  const x = new Float64Array(n * p), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i * p] = 1;
    for (let j = 1; j < p; j++) x[i * p + j] = normal(rng) * 10 ** j;
    y[i] = 3 + 0.5 * x[i * p + 1] - 0.01 * x[i * p + 2] + normal(rng);
  }
  const { coefficients: b, residualSumOfSquares } = leastSquares(x, n, p, y);
  const e = new Float64Array(n);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let j = 0; j < p; j++) f += x[i * p + j] * b[j];
    e[i] = y[i] - f;
    rss += e[i] * e[i];
  }
  assert.ok(Math.abs(rss - residualSumOfSquares) < 1e-10 * rss);
  for (let j = 0; j < p; j++) {
    let s = 0, scale = 0;
    for (let i = 0; i < n; i++) { s += x[i * p + j] * e[i]; scale += Math.abs(x[i * p + j] * e[i]); }
    assert.ok(Math.abs(s) < 1e-12 * scale, `column ${j}: ${s}`);
  }
});

test('an exact fit has zero residual; the doc example', () => {
  const exact = leastSquares(Float64Array.of(1, 1, 1, 2, 1, 3), 3, 2, Float64Array.of(3, 5, 7));
  assert.ok(Math.abs(exact.coefficients[0] - 1) < 1e-14 && Math.abs(exact.coefficients[1] - 2) < 1e-14);
  assert.ok(exact.residualSumOfSquares < 1e-28);
  const doc = leastSquares(Float64Array.of(1, 0, 1, 1, 1, 2), 3, 2, Float64Array.of(1, 2, 4));
  assert.ok(Math.abs(doc.coefficients[0] - 5 / 6) < 1e-14 && Math.abs(doc.coefficients[1] - 1.5) < 1e-14);
  assert.ok(Math.abs(doc.residualSumOfSquares - 1 / 6) < 1e-14);
});

test('leastSquares throws on rank deficiency and on too few rows', () => {
  // third column = first + second
  const x = Float64Array.of(1, 2, 3, 1, 5, 6, 1, -1, 0, 1, 4, 5);
  assert.throws(() => leastSquares(x, 4, 3, Float64Array.of(1, 2, 3, 4)), (e: unknown) =>
    e instanceof EngineError && e.code === 'INVALID_ARGUMENT' && /column 2/.test(e.message));
  assert.throws(() => leastSquares(Float64Array.of(1, 0, 2, 0, 3, 0), 3, 2, Float64Array.of(1, 2, 3)), /column 1/);
  assert.throws(() => leastSquares(Float64Array.of(1, 2), 1, 2, Float64Array.of(1)), /nRows ≥ nCols/);
});
