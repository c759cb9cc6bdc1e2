import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covariance } from './covariance.ts';
import { variance } from './variance.ts';

const X = [2.5, 3.1, -0.4, 7.7, 5.2, 5.2, 1.9, 12.6, 0.3, 4.4];
const Y = [1.0, 2.2, 0.1, 6.0, 4.9, 3.3, 2.4, 9.8, -1.2, 3.0];

test('covariance matches numpy.cov(x, y)[0, 1]', () => {
  assert.ok(Math.abs(covariance([1, 2, 3, 4], [2, 4, 6, 9]) - 23 / 6) < 1e-15);
  assert.ok(Math.abs(covariance(X, Y) - 11.680555555555557) < 1e-13);
  assert.ok(Math.abs(covariance(X, X) - variance(X)) < 1e-13);
});

test('covariance validates its inputs', () => {
  assert.throws(() => covariance([1, 2], [1]), /lengths differ/);
  assert.throws(() => covariance([1], [1]), /at least 2/);
});
