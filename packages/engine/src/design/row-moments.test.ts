import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFlat, listMoments, listSum } from './row-moments.ts';

test('listMoments: mean and population sd over the listed rows, by hand', () => {
  assert.deepEqual(listMoments([9, 1, NaN, 3], Int32Array.of(1, 3)), { mean: 2, sd: 1 });
  // rows 0–3 of [2, 4, 4, 4]: mean 3.5, Σ(x − 3.5)² = 2.25 + 3·0.25 = 3, sd = √(3/4)
  assert.deepEqual(listMoments([2, 4, 4, 4, 100], [0, 1, 2, 3]), { mean: 3.5, sd: Math.sqrt(0.75) });
  // count: only the first rows of the list
  assert.deepEqual(listMoments([2, 4, 4, 4, 100], [0, 1, 2, 3, 4], 4), { mean: 3.5, sd: Math.sqrt(0.75) });
});

test('isFlat: a spread below 1e-12·(1 + |mean|) is flat; NaN counts as flat', () => {
  assert.equal(isFlat(5, 1e-15), true);
  assert.equal(isFlat(5, 1e-9), false);
  assert.equal(isFlat(1e6, 1e-7), true);
  assert.equal(isFlat(0, NaN), true);
});

test('listSum: the total over the listed rows only, in their order', () => {
  assert.equal(listSum([9, 1, NaN, 3], Int32Array.of(1, 3)), 4);
  assert.equal(listSum([9, 1, 3], []), 0);
  // Summed in the list's order: the same bits as a loop over the rows.
  const v = [0.1, 0.2, 0.3, 0.7];
  let loop = 0;
  for (let t = 0; t < v.length; t++) loop += v[t];
  assert.equal(listSum(v, [0, 1, 2, 3]), loop);
});

