import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skewness } from './skewness.ts';

const M = 2147483647;
const SKEWED60: number[] = []; // see central-moments.test.ts: −ln(u), Park–Miller seed 777
for (let i = 0, s = 777; i < 60; i++) { s = (48271 * s) % M; SKEWED60.push(-Math.log(s / M)); }

test('skewness matches scipy.stats.skew (bias=True)', () => {
  assert.ok(Math.abs(skewness(SKEWED60) - 0.9960030613902416) < 1e-13);
  assert.ok(Math.abs(skewness([1, 2, 3, 10]) - 1.0182337649086284) < 1e-14);
});

test('skewness is 0 for symmetric data, odd under reflection, NaN for constants', () => {
  assert.equal(skewness([1, 2, 3, 4, 5]), 0);
  assert.ok(Math.abs(skewness([-1, -2, -3, -10]) + 1.0182337649086284) < 1e-14);
  assert.ok(Number.isNaN(skewness([4, 4])));
});
