import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median } from './median.ts';
import { quantile } from './quantile.ts';

test('median: the middle value, the mean of the two middle ones for an even count; input unchanged', () => {
  const v = [3, 1, 4, 1];
  assert.equal(median(v), 2);
  assert.deepEqual(v, [3, 1, 4, 1]);
  assert.equal(median([5, 9, 2]), 5);
  assert.equal(median([7]), 7);
  assert.ok(Math.abs(median([0.1, 0.7, 0.3, 0.9]) - quantile([0.1, 0.7, 0.3, 0.9], 0.5)) < 1e-15);
  assert.throws(() => median([]), /median/);
});
