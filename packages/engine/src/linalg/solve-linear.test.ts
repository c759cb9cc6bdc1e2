import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveLinear } from './solve-linear.ts';
import { EngineError } from '../errors.ts';

test('solveLinear matches numpy.linalg.solve on a general 4×4 matrix', () => {
  // numpy.linalg.solve([[2,-1,0.5,3],[1,4,-2,0],[0,1,1,-1],[3,0.5,2,1]], [1,-2,3,0.5])
  const a = Float64Array.of(2, -1, 0.5, 3, 1, 4, -2, 0, 0, 1, 1, -1, 3, 0.5, 2, 1);
  const expected = [-3.5757575757575744, 2.2121212121212106, 3.636363636363635, 2.8484848484848473];
  const x = solveLinear(a, 4, Float64Array.of(1, -2, 3, 0.5));
  for (let i = 0; i < 4; i++) assert.ok(Math.abs(x[i] - expected[i]) < 1e-13, `${x[i]} vs ${expected[i]}`);
});

test('solveLinear needs pivoting when the leading entry is zero', () => {
  assert.deepEqual(Array.from(solveLinear(Float64Array.of(0, 1, 2, 0), 2, Float64Array.of(3, 4))), [2, 3]);
});

test('solveLinear leaves its inputs untouched and A·x reproduces b', () => {
  const a = Float64Array.of(1e-3, 2, 3, 4, 5, 6, 7, 8, 10);
  const b = Float64Array.of(1, 2, 3);
  const aCopy = a.slice(), bCopy = b.slice();
  const x = solveLinear(a, 3, b);
  assert.deepEqual(a, aCopy);
  assert.deepEqual(b, bCopy);
  for (let i = 0; i < 3; i++) {
    const r = a[i * 3] * x[0] + a[i * 3 + 1] * x[1] + a[i * 3 + 2] * x[2];
    assert.ok(Math.abs(r - b[i]) < 1e-12);
  }
});

test('solveLinear throws on a singular matrix', () => {
  assert.throws(() => solveLinear(Float64Array.of(1, 2, 2, 4), 2, Float64Array.of(1, 1)), (e: unknown) =>
    e instanceof EngineError && e.code === 'INVALID_ARGUMENT' && /singular/.test(e.message));
});
