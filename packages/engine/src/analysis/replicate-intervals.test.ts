import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replicateIntervals } from './replicate-intervals.ts';
import { quantile } from '../stats/quantile.ts';

test('replicateIntervals gives the 5–95% quantiles of the finite replicate ROIs per channel, null below 10 replicates', () => {
  const reps = Array.from({ length: 21 }, (_, r) => [r, r % 2 === 0 ? NaN : 2 * r]);
  const [a, b] = replicateIntervals(reps, 2);
  assert.deepEqual(a, [quantile(reps.map((r) => r[0]), 0.05), quantile(reps.map((r) => r[0]), 0.95)]);
  const odd = reps.map((r) => r[1]).filter(Number.isFinite);
  assert.deepEqual(b, [quantile(odd, 0.05), quantile(odd, 0.95)]);
  assert.deepEqual(replicateIntervals(reps.slice(0, 9), 2), [null, null]);
});
