import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rSquared } from './r-squared.ts';

// Shared fixture for the fit-metric tests (references: numpy, see each test).
const A = [120, 135, 150, 160, 149, 170, 185, 178, 190, 205, 0, 210];
const P = [118, 140, 146, 158, 155, 168, 180, 181, 194, 199, 4, 214];

test('rSquared matches 1 − SSres/SStot from numpy', () => {
  // e = A − P; 1 − (e**2).sum() / ((A − A.mean())**2).sum()
  assert.ok(Math.abs(rSquared(A, P) - 0.9939357837584469) < 1e-15);
  assert.ok(Math.abs(rSquared([1, 2, 3, 4], [1.1, 1.9, 3.2, 3.8]) - 0.98) < 1e-15);
});

test('rSquared is 1 for a perfect fit, 0 for the mean, negative for worse, NaN for constant actuals', () => {
  assert.equal(rSquared([1, 2, 3], [1, 2, 3]), 1);
  assert.equal(rSquared([1, 2, 3], [2, 2, 2]), 0);
  assert.ok(rSquared([1, 2, 3], [3, 2, 1]) < 0);
  assert.ok(Number.isNaN(rSquared([2, 2], [1, 3])));
  assert.throws(() => rSquared([1, 2], [1]), /lengths differ/);
});
