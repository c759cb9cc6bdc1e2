import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmse } from './rmse.ts';

const A = [120, 135, 150, 160, 149, 170, 185, 178, 190, 205, 0, 210];
const P = [118, 140, 146, 158, 155, 168, 180, 181, 194, 199, 4, 214];

test('rmse matches numpy and the hand example', () => {
  // numpy.sqrt(((A − P)**2).mean())
  assert.ok(Math.abs(rmse(A, P) - 4.153311931459037) < 1e-14);
  assert.equal(rmse([1, 2, 3, 4], [1, 2, 3, 6]), 1);
  assert.equal(rmse([5], [5]), 0);
  assert.throws(() => rmse([], []), /at least 1/);
});
