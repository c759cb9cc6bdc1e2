import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mae } from './mae.ts';

const A = [120, 135, 150, 160, 149, 170, 185, 178, 190, 205, 0, 210];
const P = [118, 140, 146, 158, 155, 168, 180, 181, 194, 199, 4, 214];

test('mae matches numpy and the hand example', () => {
  // numpy.abs(A − P).mean() = 47 / 12
  assert.equal(mae(A, P), 47 / 12);
  assert.equal(mae([1, 2, 3, 4], [2, 2, 3, 1]), 1);
  assert.throws(() => mae([1], [1, 2]), /lengths differ/);
});
