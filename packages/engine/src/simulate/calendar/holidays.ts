import { dayOf } from '../../calendar/dates.ts';
import { easterSunday } from '../../calendar/easter-sunday.ts';
import type { Holiday } from '../../calendar/holiday.ts';
import { holidayById } from '../../calendar/holiday-sets.ts';

/**
 * Named holidays and retail moments the simulator can turn into 0/1 event columns. Each is a span
 * of calendar days within a year (US retail calendar for Thanksgiving and Black Friday):
 *
 * - new-year: Jan 1 · valentines: Feb 14 · easter: Good Friday to Easter Sunday
 * - thanksgiving: fourth Thursday of November · black-friday: the day after · cyber-monday: 3 days later
 * - christmas-shopping: Dec 11–24 · christmas: Dec 24–26 · year-end: Dec 27–31
 */
export type HolidayKind =
  | 'new-year'
  | 'valentines'
  | 'easter'
  | 'thanksgiving'
  | 'black-friday'
  | 'cyber-monday'
  | 'christmas-shopping'
  | 'christmas'
  | 'year-end';

/** Every holiday kind, in calendar order. */
export const holidayKinds: readonly HolidayKind[] = [
  'new-year', 'valentines', 'easter', 'thanksgiving', 'black-friday', 'cyber-monday',
  'christmas-shopping', 'christmas', 'year-end',
];

/** Kinds whose days are a product calendar rule (packages/engine/src/calendar), by holiday id. */
const FROM_CALENDAR: Readonly<Partial<Record<HolidayKind, string>>> = {
  'new-year': 'us-new-year',
  valentines: 'valentines',
  thanksgiving: 'us-thanksgiving',
  'black-friday': 'black-friday',
  'cyber-monday': 'cyber-monday',
  'christmas-shopping': 'christmas-shopping',
  'year-end': 'year-end',
};

/**
 * The days (as day numbers, first and last inclusive) a holiday covers in one year. Every kind but
 * easter (Good Friday to Easter Sunday) and christmas (Dec 24–26), which are the simulator's own
 * spans, is the product calendar's rule of the same name (holidayById).
 * @param kind the holiday
 * @param year calendar year
 * @returns [firstDay, lastDay]
 * @example holidaySpan('black-friday', 2022).map(isoDate) // ['2022-11-25', '2022-11-25']
 */
export function holidaySpan(kind: HolidayKind, year: number): [number, number] {
  if (kind === 'easter') {
    const e = easterSunday(year);
    return [e - 2, e];
  }
  if (kind === 'christmas') return [dayOf(year, 12, 24), dayOf(year, 12, 26)];
  const days = calendarHoliday(kind).days(year);
  return [days[0], days[days.length - 1]];
}

function calendarHoliday(kind: HolidayKind): Holiday {
  const h = holidayById(FROM_CALENDAR[kind] ?? kind);
  if (h === undefined) throw new Error(`holidaySpan: no calendar rule for ${kind}`);
  return h;
}
