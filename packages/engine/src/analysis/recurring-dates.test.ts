import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoWeek, recurringDates, sameTimeOfYear } from './recurring-dates.ts';

test('isoWeek: weeks numbered by their Thursday, across year ends', () => {
  assert.equal(isoWeek('2023-11-24'), 47);
  assert.equal(isoWeek('2024-11-29'), 48);
  assert.equal(isoWeek('2021-01-03'), 53, 'a Sunday in the last week of 2020');
  assert.equal(isoWeek('2024-12-30'), 1, 'a Monday in the first week of 2025');
  assert.equal(isoWeek('2023-01-01'), 52);
  assert.equal(isoWeek('2023-01-02'), 1);
});

test('sameTimeOfYear: fixed-date holidays, weekday-bound ones, the same ISO week; never the same occasion', () => {
  // Christmas: a Monday, then a Wednesday.
  assert.equal(sameTimeOfYear('2023-12-25', '2024-12-25'), true);
  // Black Friday moves 5 days and changes ISO week (47 → 48), but stays a Friday.
  assert.equal(sameTimeOfYear('2023-11-24', '2024-11-29'), true);
  // Cyber Monday 2023 is 2 days of the calendar from Black Friday 2024.
  assert.equal(sameTimeOfYear('2023-11-27', '2024-11-29'), true);
  // Weekly data (Mondays): the same week of the year.
  assert.equal(sameTimeOfYear('2021-11-22', '2022-11-21'), true);
  // Across the turn of the year: 30 December and 1 January two years later are 2 days apart on the calendar.
  assert.equal(sameTimeOfYear('2023-12-30', '2025-01-01'), true);
  // Same ISO week 1, a Monday and a Sunday 5 calendar days apart.
  assert.equal(sameTimeOfYear('2023-01-02', '2024-01-07'), true);
  // 4 days apart, different weekday, different ISO week.
  assert.equal(sameTimeOfYear('2023-11-24', '2024-11-28'), false);
  assert.equal(sameTimeOfYear('2023-11-10', '2024-11-29'), false);
  // Days of the same year are one occasion, not a recurrence.
  assert.equal(sameTimeOfYear('2023-11-24', '2023-11-27'), false);
  assert.equal(sameTimeOfYear('2023-12-31', '2024-01-02'), false);
});

test('recurringDates: chained groups spanning years, in date order, first-listed group first; lone dates left out', () => {
  assert.deepEqual(recurringDates(['2023-11-24', '2023-06-02', '2024-11-29']), [['2023-11-24', '2024-11-29']]);
  // Cyber Monday 2023 joins through Black Friday 2024, Cyber Monday 2024 through Black Friday 2023.
  assert.deepEqual(
    recurringDates(['2024-12-25', '2024-11-29', '2023-11-24', '2024-12-02', '2023-12-25', '2023-11-27', '2024-03-05']),
    [['2023-12-25', '2024-12-25'], ['2023-11-24', '2023-11-27', '2024-11-29', '2024-12-02']],
  );
  assert.deepEqual(recurringDates(['2023-11-24', '2023-11-27']), []);
  assert.deepEqual(recurringDates([]), []);
});
