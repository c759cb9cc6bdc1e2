import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextPeriods, periodWord, periodsPerYear } from './periods.ts';

test('periodsPerYear and periodWord', () => {
  assert.deepEqual(['daily', 'weekly', 'monthly', 'other'].map(periodsPerYear), [365, 52, 12, 1]);
  assert.deepEqual(['daily', 'weekly', 'monthly', 'other'].map(periodWord), ['day', 'week', 'month', 'period']);
});

test('nextPeriods: the dates after the last row, across month and year ends', () => {
  assert.deepEqual(nextPeriods('2024-12-23', 'weekly', 3), ['2024-12-30', '2025-01-06', '2025-01-13']);
  assert.deepEqual(nextPeriods('2024-02-28', 'daily', 2), ['2024-02-29', '2024-03-01']);
  assert.deepEqual(nextPeriods('2024-11-01', 'monthly', 3), ['2024-12-01', '2025-01-01', '2025-02-01']);
  assert.deepEqual(nextPeriods('2024-01-31', 'monthly', 3), ['2024-02-29', '2024-03-31', '2024-04-30']);
  assert.deepEqual(nextPeriods('2024-11-01', 'quarterly', 2), ['+1', '+2']);
  assert.deepEqual(nextPeriods('not a date', 'weekly', 1), ['+1']);
});
