import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cholesky } from './cholesky.ts';
import { EngineError } from '../errors.ts';

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol * Math.max(1, Math.abs(expected[i])),
      `index ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

const S = Float64Array.of(6, 1.5, 0.3, -0.8, 1.5, 5, 0.7, 0.2, 0.3, 0.7, 4, 1.1, -0.8, 0.2, 1.1, 3);

test('cholesky matches the textbook 3×3 example with an integer factor', () => {
  // numpy.linalg.cholesky([[4,12,-16],[12,37,-43],[-16,-43,98]])
  const l = cholesky(Float64Array.of(4, 12, -16, 12, 37, -43, -16, -43, 98), 3);
  assertClose(l, [2, 0, 0, 6, 1, 0, -8, 5, 3], 0);
});

test('cholesky matches numpy on a 4×4 SPD matrix', () => {
  // numpy.linalg.cholesky(S) with S as above (numpy 2.4)
  assertClose(cholesky(S, 4), [
    2.449489742783178, 0, 0, 0,
    0.6123724356957946, 2.1505813167606567, 0, 0,
    0.12247448713915891, 0.29061909685954823, 1.9749786177426176, 0,
    -0.3265986323710905, 0.1859962219901109, 0.5498520015306152, 1.5988750780319,
  ]);
});

test('L·Lᵀ reproduces A', () => {
  const l = cholesky(S, 4);
  const back = new Float64Array(16);
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
    let s = 0;
    for (let k = 0; k < 4; k++) s += l[i * 4 + k] * l[j * 4 + k];
    back[i * 4 + j] = s;
  }
  assertClose(back, S, 1e-14);
});

test('cholesky rejects an indefinite matrix and names the failing pivot', () => {
  // [[1,2],[2,1]]: second pivot is 1 − 4 = −3
  assert.throws(() => cholesky(Float64Array.of(1, 2, 2, 1), 2), (e: unknown) =>
    e instanceof EngineError && e.code === 'NOT_POSITIVE_DEFINITE' && /pivot 1/.test(e.message));
  assert.throws(() => cholesky(Float64Array.of(0, 0, 0, 1), 2), /pivot 0/);
  assert.throws(() => cholesky(Float64Array.of(NaN, 0, 0, 1), 2), /pivot 0/);
});

test('cholesky checks the shape', () => {
  assert.throws(() => cholesky(new Float64Array(5), 2), (e: unknown) =>
    e instanceof EngineError && e.code === 'SHAPE_MISMATCH');
  assert.throws(() => cholesky(new Float64Array(0), 0), (e: unknown) =>
    e instanceof EngineError && e.code === 'INVALID_ARGUMENT');
});
