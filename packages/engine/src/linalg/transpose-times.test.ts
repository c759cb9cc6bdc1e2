import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transposeTimes } from './transpose-times.ts';

test('transposeTimes matches X.T @ y from numpy', () => {
  const x = Float64Array.of(1, 0.5, 2, 1, 1.5, -1, 1, 2, 0.3, 1, 3.5, 1.2, 1, 4, -0.7, 1, 5.5, 2.2, 1, 6, 0.1);
  const y = Float64Array.of(2.1, 3.9, 4.2, 7.7, 7.1, 12.3, 11.0);
  // numpy: X.T @ y
  const expected = [48.3, 204.3, 33.99];
  const out = transposeTimes(x, 7, 3, y);
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(out[i] - expected[i]) < 1e-12, `${i}: ${out[i]}`);
});

test('transposeTimes doc example and shape check', () => {
  assert.deepEqual(Array.from(transposeTimes(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 2, Float64Array.of(1, 0, -1))), [-4, -4]);
  assert.throws(() => transposeTimes(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 2, Float64Array.of(1, 0)), /y \[nRows\]/);
});
