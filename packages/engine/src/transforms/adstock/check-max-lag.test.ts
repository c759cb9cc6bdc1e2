import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkMaxLag, checkWeightsOut, MAX_LAG_LIMIT } from './check-max-lag.ts';

test('checkMaxLag accepts integers in [0, MAX_LAG_LIMIT] only', () => {
  for (const ok of [0, 1, 104, MAX_LAG_LIMIT]) assert.doesNotThrow(() => checkMaxLag(ok));
  for (const bad of [-1, 0.5, NaN, Infinity, MAX_LAG_LIMIT + 1]) {
    assert.throws(() => checkMaxLag(bad), { code: 'INVALID_ARGUMENT', message: /maxLag must be an integer in \[0, 10000\]/ });
  }
});

test('checkWeightsOut needs room for maxLag + 1 weights', () => {
  assert.doesNotThrow(() => checkWeightsOut(new Float64Array(3), 2));
  assert.throws(() => checkWeightsOut(new Float64Array(2), 2), { code: 'SHAPE_MISMATCH' });
});
