import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skewness } from './skewness.ts';
import { SKEWED60 } from '../../test/reference-data.ts';

test('skewness matches scipy.stats.skew (bias=True)', () => {
  assert.ok(Math.abs(skewness(SKEWED60) - 0.9960030613902416) < 1e-13);
  assert.ok(Math.abs(skewness([1, 2, 3, 10]) - 1.0182337649086284) < 1e-14);
});

test('skewness is 0 for symmetric data, odd under reflection, NaN for constants', () => {
  assert.equal(skewness([1, 2, 3, 4, 5]), 0);
  assert.ok(Math.abs(skewness([-1, -2, -3, -10]) + 1.0182337649086284) < 1e-14);
  assert.ok(Number.isNaN(skewness([4, 4])));
});
