import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correlation } from './correlation.ts';

const X = [2.5, 3.1, -0.4, 7.7, 5.2, 5.2, 1.9, 12.6, 0.3, 4.4];
const Y = [1.0, 2.2, 0.1, 6.0, 4.9, 3.3, 2.4, 9.8, -1.2, 3.0];

test('correlation matches numpy.corrcoef', () => {
  assert.ok(Math.abs(correlation(X, Y) - 0.9709700732297095) < 1e-15);
  assert.ok(Math.abs(correlation([1, 2, 3, 4], [2, 4, 6, 9]) - 0.994376712684369) < 1e-15);
});

test('perfect relations give ±1 exactly; constant input gives NaN', () => {
  assert.equal(correlation([1, 2, 3], [5, 7, 9]), 1);
  assert.equal(correlation([1, 2, 3], [3, 2, 1]), -1);
  assert.ok(Number.isNaN(correlation([1, 1, 1], [1, 2, 3])));
  assert.throws(() => correlation([1, 2], [1, 2, 3]), /lengths differ/);
});
