import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjustedRSquared } from './adjusted-r-squared.ts';

test('adjustedRSquared by hand', () => {
  assert.ok(Math.abs(adjustedRSquared(0.9, 20, 3) - 0.88125) < 1e-15); // 1 − 0.1·19/16
  // 1 − (1 − 0.9939357837584469)·11/8, numpy
  assert.ok(Math.abs(adjustedRSquared(0.9939357837584469, 12, 3) - 0.9916617026678646) < 1e-15);
  assert.equal(adjustedRSquared(0.5, 10, 0), 0.5);
  assert.throws(() => adjustedRSquared(0.5, 4, 3), /n − p − 1 > 0/);
});
