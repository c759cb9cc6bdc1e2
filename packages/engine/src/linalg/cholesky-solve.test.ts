import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cholesky } from './cholesky.ts';
import { choleskySolve } from './cholesky-solve.ts';

const S = Float64Array.of(6, 1.5, 0.3, -0.8, 1.5, 5, 0.7, 0.2, 0.3, 0.7, 4, 1.1, -0.8, 0.2, 1.1, 3);

test('choleskySolve matches numpy.linalg.solve', () => {
  // numpy.linalg.solve(S, [1, -2, 3, 0.5])
  const expected = [0.2698922209183863, -0.5977324579362346, 0.8427552240672282, -0.0305234927173317];
  const x = choleskySolve(cholesky(S, 4), 4, Float64Array.of(1, -2, 3, 0.5));
  for (let i = 0; i < 4; i++) assert.ok(Math.abs(x[i] - expected[i]) < 1e-14, `${x[i]} vs ${expected[i]}`);
});

test('choleskySolve solves the 2×2 doc example exactly', () => {
  const x = choleskySolve(Float64Array.of(2, 0, 1, 2), 2, Float64Array.of(8, 9));
  assert.deepEqual(Array.from(x), [1.375, 1.25]);
});

test('choleskySolve rejects a factor with a zero diagonal and bad shapes', () => {
  assert.throws(() => choleskySolve(Float64Array.of(1, 0, 1, 0), 2, Float64Array.of(1, 1)), /diagonal/);
  assert.throws(() => choleskySolve(Float64Array.of(1, 0, 0, 1), 2, Float64Array.of(1)), /b \[n\]/);
});
