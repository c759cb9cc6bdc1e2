import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitCents } from './split-cents.ts';

test('splitCents: hand-computed largest-remainder splits that sum exactly', () => {
  assert.deepEqual(splitCents(100, [1, 1, 1]), [34, 33, 33]); // 33.33 each, 1 cent to the first
  assert.deepEqual(splitCents(1001, [0.5, 0.3, 0.2]), [501, 300, 200]); // 500.5 / 300.3 / 200.2
  assert.deepEqual(splitCents(7, [0, 1]), [0, 7]);
  assert.deepEqual(splitCents(0, [2, 3]), [0, 0]);
  const parts = splitCents(123456789, [0.17, 0.21, 0.05, 0.33, 0.24]);
  assert.equal(parts.reduce((a, b) => a + b, 0), 123456789);
});

test('splitCents: rejects fractional cents and bad weights', () => {
  assert.throws(() => splitCents(1.5, [1]), RangeError);
  assert.throws(() => splitCents(-1, [1]), RangeError);
  assert.throws(() => splitCents(10, [0, 0]), RangeError);
  assert.throws(() => splitCents(10, [1, -1]), RangeError);
});
