import { test } from 'node:test';
import assert from 'node:assert/strict';
import { variance } from './variance.ts';

const X = [2.5, 3.1, -0.4, 7.7, 5.2, 5.2, 1.9, 12.6, 0.3, 4.4];

test('variance uses n − 1 and matches numpy.var(ddof=1)', () => {
  assert.equal(variance([2, 4, 4, 4, 5, 5, 7, 9]), 32 / 7);
  // numpy.var(X, ddof=1)
  assert.ok(Math.abs(variance(X) - 14.509444444444448) < 1e-13);
  assert.equal(variance([3, 3, 3]), 0);
});

test('variance is accurate for data with a large offset', () => {
  // {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16} has variance 30 exactly; naive Σx² − n·x̄² fails here
  assert.ok(Math.abs(variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) - 30) < 1e-6);
  assert.throws(() => variance([1]), /at least 2/);
});
