import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gram } from './gram.ts';

test('gram matches X.T @ X from numpy', () => {
  const x = Float64Array.of(1, 0.5, 2, 1, 1.5, -1, 1, 2, 0.3, 1, 3.5, 1.2, 1, 4, -0.7, 1, 5.5, 2.2, 1, 6, 0.1);
  // numpy: X.T @ X
  const expected = [7, 23, 4.1, 23, 101, 14.2, 4.1, 14.2, 11.87];
  const g = gram(x, 7, 3);
  for (let i = 0; i < 9; i++) assert.ok(Math.abs(g[i] - expected[i]) < 1e-12, `${i}: ${g[i]}`);
  assert.equal(g[1], g[3]);
});

test('gram of the doc example', () => {
  assert.deepEqual(Array.from(gram(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 2)), [35, 44, 44, 56]);
  assert.throws(() => gram(Float64Array.of(1, 2, 3), 2, 2), /SHAPE|expected/);
});
