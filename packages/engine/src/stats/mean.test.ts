import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mean } from './mean.ts';

test('mean by hand and against numpy', () => {
  assert.equal(mean([1, 2, 3, 4]), 2.5);
  // numpy.mean([2.5, 3.1, -0.4, 7.7, 5.2, 5.2, 1.9, 12.6, 0.3, 4.4]) = 4.249999999999999; exact 4.25
  assert.ok(Math.abs(mean([2.5, 3.1, -0.4, 7.7, 5.2, 5.2, 1.9, 12.6, 0.3, 4.4]) - 4.25) < 1e-15);
  assert.throws(() => mean([]), /at least 1/);
});
