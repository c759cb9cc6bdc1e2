import { test } from 'node:test';
import assert from 'node:assert/strict';
import { periodWord, periodsPerYear } from './periods.ts';

test('periodsPerYear and periodWord', () => {
  assert.deepEqual(['daily', 'weekly', 'monthly', 'other'].map(periodsPerYear), [365, 52, 12, 1]);
  assert.deepEqual(['daily', 'weekly', 'monthly', 'other'].map(periodWord), ['day', 'week', 'month', 'period']);
});
