import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantile } from './quantile.ts';

const X = [2.5, 3.1, -0.4, 7.7, 5.2, 5.2, 1.9, 12.6, 0.3, 4.4];

test('quantile matches numpy.quantile (type 7) on unsorted data', () => {
  // numpy.quantile(X, p), default method 'linear'
  const ref: [number, number][] = [
    [0, -0.4], [0.05, -0.08500000000000002], [0.1, 0.23], [0.25, 2.05], [0.5, 3.75],
    [0.9, 8.189999999999998], [0.975, 11.497500000000002], [1, 12.6],
  ];
  for (const [p, e] of ref) assert.ok(Math.abs(quantile(X, p) - e) < 1e-14, `p = ${p}: ${quantile(X, p)}`);
});

test('quantile on sorted input, single values, and the doc examples', () => {
  assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantile([3, 1, 4, 1, 5], 0.25), 1);
  assert.equal(quantile([7], 0.3), 7);
  const input = [5, 1, 3];
  quantile(input, 0.5);
  assert.deepEqual(input, [5, 1, 3]); // not modified
});

test('quantile rejects bad p and NaN values', () => {
  assert.throws(() => quantile([1, 2], 1.2), /p must be in/);
  assert.throws(() => quantile([1, NaN], 0.5), /NaN/);
  assert.throws(() => quantile([], 0.5), /at least 1/);
});
