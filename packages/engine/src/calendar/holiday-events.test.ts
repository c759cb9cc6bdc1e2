import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayOf, isoDate } from './dates.ts';
import { holidayEventName, holidayEvents } from './holiday-events.ts';
import { selectHolidays } from './holiday-sets.ts';

/** ISO dates of n periods from `start`, `step` days apart. */
function dates(start: string, n: number, step: number): string[] {
  const [y, m, d] = start.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => isoDate(dayOf(y, m, d) + step * i));
}

test('holidayEventName', () => {
  assert.equal(holidayEventName('black-friday'), 'holiday_black_friday');
  assert.equal(holidayEventName('us'), 'holiday_us');
});

test('daily: the holiday days are 1; a holiday outside the dates is left out', () => {
  const r = holidayEvents(dates('2024-11-25', 10, 1), 'daily', selectHolidays(['us-thanksgiving', 'black-friday', 'valentines']));
  assert.deepEqual(r.events.map((e) => e.name), ['holiday_us_thanksgiving', 'holiday_black_friday']);
  assert.deepEqual(Array.from(r.events[1].values), [0, 0, 0, 0, 1, 0, 0, 0, 0, 0]); // Fri 2024-11-29
  assert.deepEqual(r.absent, ['valentines']);
});

test('weekly: week-start labels mark the 7 days from the date, week-end labels the 7 days up to it', () => {
  // Black Friday 2024-11-29 (a Friday).
  const mondays = dates('2024-11-18', 3, 7); // weeks Nov 18–24, Nov 25–Dec 1, Dec 2–8
  const bf = selectHolidays(['black-friday']);
  assert.deepEqual(Array.from(holidayEvents(mondays, 'weekly', bf).events[0].values), [0, 1, 0]);
  const sundays = dates('2024-11-24', 3, 7); // labels Nov 24, Dec 1, Dec 8
  // As week starts: Nov 24–30 holds Nov 29. As week ends: Nov 25–Dec 1 holds it.
  assert.deepEqual(Array.from(holidayEvents(sundays, 'weekly', bf).events[0].values), [1, 0, 0]);
  assert.deepEqual(Array.from(holidayEvents(sundays, 'weekly', bf, { weekLabel: 'end' }).events[0].values), [0, 1, 0]);
});

test('rows: a holiday only in the rows outside [from, to) is absent', () => {
  const d = dates('2024-11-25', 10, 1);
  const r = holidayEvents(d, 'daily', selectHolidays(['black-friday']), { rows: { from: 5, to: 10 } });
  assert.deepEqual(r.events, []);
  assert.deepEqual(r.absent, ['black-friday']);
});

test("columns 'set': one event per set, 1 when any of its holidays falls in the period", () => {
  const r = holidayEvents(dates('2024-11-18', 6, 7), 'weekly', selectHolidays(['retail', 'us-thanksgiving']), { columns: 'set' });
  assert.deepEqual(r.events.map((e) => e.name), ['holiday_retail', 'holiday_us']);
  // Weeks of Nov 18, Nov 25 (Black Friday), Dec 2 (Cyber Monday), Dec 9 and 16 (shopping), Dec 23–29 (shopping, Christmas days and year-end).
  assert.deepEqual(r.events[0].holidays, ['black-friday', 'cyber-monday', 'christmas-shopping', 'christmas-days', 'year-end']);
  assert.deepEqual(Array.from(r.events[0].values), [0, 1, 1, 1, 1, 1]);
  assert.deepEqual(Array.from(r.events[1].values), [0, 1, 0, 0, 0, 0]);
  assert.deepEqual(r.absent, ['valentines', 'easter-weekend', 'mothers-day-us']);
});
