import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holidaysOnDates } from './holidays-on-dates.ts';

test('holidaysOnDates: daily Black Friday and Cyber Monday of two years are black-friday and cyber-monday', () => {
  assert.deepEqual(holidaysOnDates(['2023-11-24', '2024-11-29'], 1).map((h) => h.id), ['black-friday']);
  assert.deepEqual(holidaysOnDates(['2023-11-24', '2023-11-27', '2024-11-29', '2024-12-02'], 1).map((h) => h.id), ['black-friday', 'cyber-monday']);
  // Christmas Day: one holiday that keeps it, the one-day ones before the Dec 24–26 span.
  const xmas = holidaysOnDates(['2022-12-25', '2023-12-25'], 1);
  assert.equal(xmas.length, 1);
  assert.equal(xmas[0].days(2023).length, 1, xmas[0].id);
});

test('holidaysOnDates: nothing when some date has no holiday that recurs in the group', () => {
  assert.deepEqual(holidaysOnDates(['2023-11-24', '2024-03-12'], 1), []);
  // Black Friday twice and a date in March: the March date is left uncovered, so no suggestion at all.
  assert.deepEqual(holidaysOnDates(['2023-11-24', '2024-11-29', '2024-03-12'], 1), []);
  // A holiday on one date only does not recur.
  assert.deepEqual(holidaysOnDates(['2023-11-24', '2024-11-30'], 1), []);
  assert.deepEqual(holidaysOnDates([], 7), []);
});

test('holidaysOnDates: weeks labelled by their Monday; a week straddling New Year', () => {
  // Weeks of 2023-11-20 and 2024-11-25 hold Thanksgiving and Black Friday: one of them covers both weeks.
  const week = holidaysOnDates(['2023-11-20', '2024-11-25'], 7).map((h) => h.id);
  assert.equal(week.length, 1);
  assert.ok(['us-thanksgiving', 'black-friday'].includes(week[0]), week[0]);
  assert.deepEqual(holidaysOnDates(['2023-11-13', '2024-11-18'], 7), []);
  // Mon 2023-12-25 … and Mon 2024-12-30 … Sun 2025-01-05 (New Year 2025 inside): not the same holiday.
  assert.ok(holidaysOnDates(['2022-12-26', '2024-12-30'], 7).some((h) => h.id === 'us-new-year'));
});
