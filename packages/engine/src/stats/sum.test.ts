import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sum } from './sum.ts';

test('sum adds and compensates rounding error', () => {
  assert.equal(sum([]), 0);
  assert.equal(sum([1, 2, 3.5]), 6.5);
  assert.equal(sum([1e16, 1, -1e16]), 1); // a naive loop gives 0
  // 0.1 added ten million times: exact decimal answer 1e6; the naive loop drifts by ~1.6e-4
  const v = new Float64Array(1e7).fill(0.1);
  assert.ok(Math.abs(sum(v) - 1e6) < 1e-9);
  assert.ok(Number.isNaN(sum([1, NaN])));
});
