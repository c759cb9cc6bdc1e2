import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from './dates.ts';
import { MONDAY, SUNDAY, THURSDAY, nthWeekday } from './nth-weekday.ts';

// Expected dates read off a printed calendar (python3 calendar.monthcalendar agrees).
test('nthWeekday counts from the month start, and -1 is the last one', () => {
  assert.equal(isoDate(nthWeekday(2024, 11, THURSDAY, 4)), '2024-11-28');
  assert.equal(isoDate(nthWeekday(2024, 5, MONDAY, -1)), '2024-05-27');
  assert.equal(isoDate(nthWeekday(2024, 12, MONDAY, -1)), '2024-12-30'); // month 13 rolls into January 2025
  assert.equal(isoDate(nthWeekday(2025, 5, SUNDAY, 2)), '2025-05-11');
  assert.equal(isoDate(nthWeekday(2024, 9, MONDAY, 1)), '2024-09-02'); // Sep 1 2024 is a Sunday
  assert.equal(isoDate(nthWeekday(2024, 7, MONDAY, 1)), '2024-07-01'); // the 1st itself is a Monday
});
