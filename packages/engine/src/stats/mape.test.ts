import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mape } from './mape.ts';

const A = [120, 135, 150, 160, 149, 170, 185, 178, 190, 205, 0, 210];
const P = [118, 140, 146, 158, 155, 168, 180, 181, 194, 199, 4, 214];

test('mape skips zero actuals and matches numpy', () => {
  // nz = A != 0; numpy.mean(numpy.abs((A − P)[nz] / A[nz]))
  assert.ok(Math.abs(mape(A, P) - 0.023468457777213837) < 1e-16);
  assert.ok(Math.abs(mape([100, 200, 0, 50], [110, 180, 7, 50]) - 0.2 / 3) < 1e-16);
});

test('mape is NaN when every actual is zero and handles negative actuals by |y|', () => {
  assert.ok(Number.isNaN(mape([0, 0], [1, 2])));
  assert.equal(mape([-10], [-12]), 0.2);
});
