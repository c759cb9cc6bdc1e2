import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapInterval } from './bootstrap-interval.ts';

const V = [3.1, -2, 0.5, 7.25, 4, 4, 1.5, -0.75, 2.2, 9.9, 5.5, 0.05];

test('bootstrapInterval equals numpy.quantile at the two tails', () => {
  // numpy.quantile(V, [0.05, 0.95]) and [0.025, 0.975]
  const [lo, hi] = bootstrapInterval(V);
  assert.ok(Math.abs(lo - -1.3125) < 1e-14 && Math.abs(hi - 8.442499999999999) < 1e-14, `${lo}, ${hi}`);
  const [lo95, hi95] = bootstrapInterval(V, 0.95);
  assert.ok(Math.abs(lo95 - -1.65625) < 1e-14 && Math.abs(hi95 - 9.171249999999999) < 1e-14);
  assert.deepEqual(bootstrapInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.5), [3.5, 8.5]);
});

test('bootstrapInterval validates level and values', () => {
  assert.throws(() => bootstrapInterval(V, 1), /level/);
  assert.throws(() => bootstrapInterval(V, 0), /level/);
  assert.throws(() => bootstrapInterval([], 0.9), /at least 1/);
  assert.throws(() => bootstrapInterval([1, NaN], 0.9), /NaN/);
});
