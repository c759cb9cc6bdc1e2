import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumber, dayOf, isoDate } from '../../calendar/dates.ts';
import { easterSunday } from '../../calendar/easter-sunday.ts';
import { holidayDummy } from './holiday-dummy.ts';
import { holidayKindRule, holidayKinds, holidaySpan, type HolidayKind } from './holidays.ts';
import { EngineError } from '../../errors.ts';

// Western Easter dates from python3 dateutil.easter.easter(year).
const EASTER: [number, string][] = [
  [2000, '2000-04-23'], [2019, '2019-04-21'], [2022, '2022-04-17'], [2023, '2023-04-09'],
  [2024, '2024-03-31'], [2025, '2025-04-20'], [2038, '2038-04-25'],
];

test('easterSunday matches dateutil', () => {
  for (const [year, iso] of EASTER) assert.equal(isoDate(easterSunday(year)), iso, String(year));
});

test('US Thanksgiving, Black Friday and Cyber Monday (published calendar dates)', () => {
  assert.deepEqual(holidaySpan('thanksgiving', 2022).map(isoDate), ['2022-11-24', '2022-11-24']);
  assert.deepEqual(holidaySpan('black-friday', 2023).map(isoDate), ['2023-11-24', '2023-11-24']);
  assert.deepEqual(holidaySpan('black-friday', 2024).map(isoDate), ['2024-11-29', '2024-11-29']);
  assert.deepEqual(holidaySpan('cyber-monday', 2024).map(isoDate), ['2024-12-02', '2024-12-02']);
  assert.deepEqual(holidaySpan('easter', 2024).map(isoDate), ['2024-03-29', '2024-03-31']);
  for (const kind of holidayKinds) {
    const [a, b] = holidaySpan(kind, 2023);
    assert.ok(a <= b, kind);
  }
});

test('weekly dummy marks the Monday–Sunday week containing the holiday', () => {
  // Weeks starting Mon 2022-11-14, 2022-11-21 (contains Fri 25th), 2022-11-28.
  const days = Int32Array.from([dayNumber('2022-11-14'), dayNumber('2022-11-21'), dayNumber('2022-11-28')]);
  assert.deepEqual(Array.from(holidayDummy(days, 7, 'black-friday')), [0, 1, 0]);
  // Christmas Dec 24–26 2022 is Sat–Mon: it touches the weeks of Dec 19 and Dec 26.
  const xmas = Int32Array.from([dayOf(2022, 12, 12), dayOf(2022, 12, 19), dayOf(2022, 12, 26), dayOf(2023, 1, 2)]);
  assert.deepEqual(Array.from(holidayDummy(xmas, 7, 'christmas')), [0, 1, 1, 0]);
});

test('daily dummy marks exactly the holiday days', () => {
  const start = dayOf(2023, 12, 22);
  const days = Int32Array.from({ length: 7 }, (_, i) => start + i); // Dec 22..28
  assert.deepEqual(Array.from(holidayDummy(days, 1, 'christmas')), [0, 0, 1, 1, 1, 0, 0]);
  assert.deepEqual(Array.from(holidayDummy(days, 1, 'year-end')), [0, 0, 0, 0, 0, 1, 1]);
});

test('every kind has a calendar rule; an unknown kind is an EngineError', () => {
  for (const kind of holidayKinds) assert.ok(holidayKindRule(kind).days(2024).length > 0, kind);
  assert.throws(() => holidayKindRule('midsummer' as HolidayKind), (e: unknown) => e instanceof EngineError && e.code === 'INVALID_ARGUMENT');
});
