import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumber, dayOf, isoDate, periodDayNumbers, weekdayOf, yearOf, yearPhase } from './dates.ts';

// Reference day numbers and weekdays from python3:
// (datetime.date.fromisoformat(s) - datetime.date(1970, 1, 1)).days and date.weekday() (0 = Monday).
const REF: [string, number, number][] = [
  ['2022-01-03', 18995, 0],
  ['2023-01-03', 19360, 1],
  ['2024-02-29', 19782, 3],
  ['1969-12-31', -1, 2],
];

test('dayNumber, isoDate and weekdayOf match python datetime', () => {
  for (const [iso, day, weekday] of REF) {
    assert.equal(dayNumber(iso), day, iso);
    assert.equal(isoDate(day), iso);
    assert.equal(weekdayOf(day), weekday, iso);
  }
  assert.equal(dayOf(2024, 2, 29), 19782);
  assert.equal(yearOf(19782), 2024);
});

test('dayNumber rejects malformed and impossible dates', () => {
  assert.throws(() => dayNumber('2023-02-30'), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => dayNumber('2023/01/01'), { code: 'INVALID_ARGUMENT' });
});

test('periodDayNumbers steps 7 days for weekly and 1 for daily data', () => {
  assert.deepEqual(Array.from(periodDayNumbers('1970-01-01', 3, 'weekly')), [0, 7, 14]);
  assert.deepEqual(Array.from(periodDayNumbers('1970-01-01', 3, 'daily')), [0, 1, 2]);
  assert.throws(() => periodDayNumbers('1970-01-01', -1, 'daily'), { code: 'INVALID_ARGUMENT' });
});

test('yearPhase is days / 365.25', () => {
  assert.equal(yearPhase(365.25 * 3), 3);
  assert.equal(yearPhase(dayOf(1971, 1, 1)), 365 / 365.25);
});
