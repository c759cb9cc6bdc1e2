import { test } from 'node:test';
import assert from 'node:assert/strict';
import { posteriorMedoid, relativeL1 } from './posterior-medoid.ts';

test('picks the row nearest the column means (hand-computed)', () => {
  // Means (2.0667, 19.667). Relative L1 distances: row0 0.516+0.492=1.008, row1 0.452+0.525=0.977, row2 0.065+0.034=0.099.
  const r = posteriorMedoid(Float64Array.of(1, 10, 3, 30, 2.2, 19), 3, 2);
  assert.equal(r.index, 2);
  assert.ok(Math.abs(r.mean[0] - 6.2 / 3) < 1e-12);
  assert.ok(Math.abs(r.mean[1] - 59 / 3) < 1e-12);
});

test('weights decide which column must match', () => {
  // Means (2, 2). Row0 = (2, 3): distances 0 and 0.5; row1 = (3, 2): 0.5 and 0; row2 = (1, 1).
  const v = Float64Array.of(2, 3, 3, 2, 1, 1);
  assert.equal(posteriorMedoid(v, 3, 2, [1, 0.1]).index, 0); // row0: 0.05, row1: 0.5
  assert.equal(posteriorMedoid(v, 3, 2, [0.1, 1]).index, 1); // row0: 0.5, row1: 0.05
});

test('non-finite entries are left out of the means and disqualify their row', () => {
  const r = posteriorMedoid(Float64Array.of(NaN, 1, 2, 1, 4, 1), 3, 2);
  assert.equal(r.mean[0], 3);
  assert.equal(r.index, 1); // row1 (2,1) and row2 (4,1) tie at 1/3; the first wins, row0 is out
});

test('rejects bad shapes', () => {
  assert.throws(() => posteriorMedoid([], 0, 2), /nSamples/);
  assert.throws(() => posteriorMedoid([1, 2, 3], 2, 2), /length/);
  assert.throws(() => posteriorMedoid([1, 2], 1, 2, [1]), /weights/);
});

test('relativeL1: the weighted relative distance the medoid and the interval guard share', () => {
  assert.equal(relativeL1([3, 30], 0, [2, 20]), 1);
  assert.equal(relativeL1([9, 3, 30], 1, [2, 20], [0.9, 0.1]), 0.9 * 0.5 + 0.1 * 0.5);
  // A reference of 0 counts by absolute distance; a column without a finite reference is left out.
  assert.equal(relativeL1([0.5, 7], 0, [0, NaN]), 0.5);
  // A value that is not finite where the reference is: infinitely far.
  assert.equal(relativeL1([NaN, 20], 0, [2, 20]), Infinity);
});
