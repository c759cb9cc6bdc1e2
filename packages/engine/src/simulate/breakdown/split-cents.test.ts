import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitCents } from './split-cents.ts';

test('largest remainder: hand-worked splits', () => {
  // 100 / 3 = 33.33 each: floors 33, 33, 33 (99), the one leftover cent goes to the first tie.
  assert.deepEqual(splitCents(100, [1, 1, 1]), [34, 33, 33]);
  // quotas 12.5, 37.5, 50: floors 12, 37, 50 (99); remainders .5, .5, 0 → first .5 gets it.
  assert.deepEqual(splitCents(100, [0.125, 0.375, 0.5]), [13, 37, 50]);
  // quotas 1.9, 3.8, 4.3 of 10: floors 1, 3, 4 (8); remainders .9, .8, .3 → +1 to the first two.
  assert.deepEqual(splitCents(10, [19, 38, 43]), [2, 4, 4]);
  assert.deepEqual(splitCents(-100, [1, 1, 1]), [-34, -33, -33]);
  assert.deepEqual(splitCents(0, [1, 2]), [0, 0]);
});

test('parts always sum exactly to the total', () => {
  const shares = [0.2, 0.13, 0.07, 0.4, 0.2];
  for (const total of [1, 7, 12345, 987654321, 100_000_000_001]) {
    assert.equal(splitCents(total, shares).reduce((a, b) => a + b), total);
  }
});

test('invalid input throws', () => {
  assert.throws(() => splitCents(1.5, [1]), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => splitCents(10, [0, 0]), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => splitCents(10, [1, -1]), { code: 'INVALID_ARGUMENT' });
});
