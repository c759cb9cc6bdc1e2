import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planDates } from './plan-dates.ts';

test('planDates: the periods after the last row, across month, year and leap-day ends', () => {
  assert.deepEqual(planDates('2024-12-23', 'weekly', 3), ['2024-12-30', '2025-01-06', '2025-01-13']);
  assert.deepEqual(planDates('2024-02-28', 'daily', 2), ['2024-02-29', '2024-03-01']);
  assert.deepEqual(planDates('2023-02-28', 'daily', 1), ['2023-03-01']);
  assert.deepEqual(planDates('2024-01-01', 'weekly', 0), []);
  assert.throws(() => planDates('01/02/2024', 'weekly', 1), /date/i);
});
