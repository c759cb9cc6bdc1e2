import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linearTrend } from './linear-trend.ts';

test('linearTrend runs from 0 to 1', () => {
  assert.deepEqual([...linearTrend(5)], [0, 0.25, 0.5, 0.75, 1]);
  assert.deepEqual([...linearTrend(2)], [0, 1]);
  assert.deepEqual([...linearTrend(1)], [0]);
  assert.deepEqual([...linearTrend(0)], []);
  assert.equal(linearTrend(157)[156], 1);
  assert.throws(() => linearTrend(-1), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => linearTrend(2.5), { code: 'INVALID_ARGUMENT' });
});
