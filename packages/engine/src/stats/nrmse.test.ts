import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nrmse } from './nrmse.ts';
import { rmse } from './rmse.ts';

const A = [120, 135, 150, 160, 149, 170, 185, 178, 190, 205, 0, 210];
const P = [118, 140, 146, 158, 155, 168, 180, 181, 194, 199, 4, 214];

test('nrmse = RMSE / (max − min) of the actuals, as in Robyn', () => {
  // numpy.sqrt(((A − P)**2).mean()) / (A.max() − A.min())
  assert.ok(Math.abs(nrmse(A, P) - 0.019777675864090655) < 1e-16);
  assert.equal(nrmse(A, P), rmse(A, P) / 210);
  assert.equal(nrmse([1, 2, 3, 5], [1, 2, 3, 3]), 0.25);
});

test('nrmse normalises by the actual range, not the predicted one; constant actuals give NaN', () => {
  assert.equal(nrmse([0, 10], [0, 20]), Math.sqrt(50) / 10);
  assert.ok(Number.isNaN(nrmse([4, 4, 4], [1, 2, 3])));
});
