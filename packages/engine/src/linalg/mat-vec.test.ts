import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matVec } from './mat-vec.ts';

test('matVec by hand', () => {
  assert.deepEqual(Array.from(matVec(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 2, Float64Array.of(1, -1))), [-1, -1, -1]);
  // [[2, 0, 1]] · [3, 5, 7] = 13
  assert.deepEqual(Array.from(matVec([2, 0, 1], 1, 3, [3, 5, 7])), [13]);
});

test('matVec checks shapes', () => {
  assert.throws(() => matVec(Float64Array.of(1, 2, 3, 4), 2, 2, Float64Array.of(1, 2, 3)), /v \[nCols\]/);
  assert.throws(() => matVec(Float64Array.of(1, 2, 3, 4), 2, 1.5, Float64Array.of(1)), /positive integer/);
});
