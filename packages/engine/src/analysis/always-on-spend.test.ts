import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alwaysOnSpend } from './always-on-spend.ts';

test('alwaysOnSpend: the 10% quantile of spend against half the mean decides', () => {
  // Type-7 10% quantile of [900, 950, 1000, 1100]: 900 + 0.3·50 = 915.
  assert.deepEqual(alwaysOnSpend([900, 1100, 1000, 950], 0, 4), { floor: 915, mean: 987.5 });
  // Dark half the time (on/off flighting): the quantile is 0.
  assert.equal(alwaysOnSpend([0, 2000, 0, 2000, 0, 2000], 0, 6), null);
  // 20 periods (h = 1.9, between the 2nd and 3rd smallest): three dark ones put the quantile at 0 …
  const dark = (k: number) => Array.from({ length: 20 }, (_, t) => (t < k ? 0 : 1000));
  assert.equal(alwaysOnSpend(dark(3), 0, 20), null);
  // … two at 0.1·0 + 0.9·1000 = 900, far above half the mean (450): two dark weeks in twenty are not a test of zero spend.
  const two = alwaysOnSpend(dark(2), 0, 20);
  assert.ok(two !== null && Math.abs(two.floor - 900) < 1e-9 && two.mean === 900);
  // Exactly half the mean counts: [500, 1500] alternating has 10% quantile 500 and mean 1000.
  assert.ok(alwaysOnSpend(Array.from({ length: 10 }, (_, t) => (t % 2 ? 1500 : 500)), 0, 10));
  // Only the rows asked for: a dark stretch outside them does not count.
  assert.ok(alwaysOnSpend([0, 0, 0, 900, 1100, 1000], 3, 6));
  assert.equal(alwaysOnSpend([0, 0, 0], 0, 3), null);
  assert.equal(alwaysOnSpend([1, 2], 1, 1), null);
});
