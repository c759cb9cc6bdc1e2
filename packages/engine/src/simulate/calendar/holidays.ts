import { dayOf, weekdayOf } from './dates.ts';
import { easterSunday } from './easter-sunday.ts';

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

function thanksgiving(year: number): number {
  const nov1 = dayOf(year, 11, 1);
  const toThursday = (3 - weekdayOf(nov1) + 7) % 7;
  return nov1 + toThursday + 21;
}

/**
 * The days (as day numbers, first and last inclusive) a holiday covers in one year.
 * @param kind the holiday
 * @param year calendar year
 * @returns [firstDay, lastDay]
 * @example holidaySpan('black-friday', 2022).map(isoDate) // ['2022-11-25', '2022-11-25']
 */
export function holidaySpan(kind: HolidayKind, year: number): [number, number] {
  switch (kind) {
    case 'new-year': return [dayOf(year, 1, 1), dayOf(year, 1, 1)];
    case 'valentines': return [dayOf(year, 2, 14), dayOf(year, 2, 14)];
    case 'easter': { const e = easterSunday(year); return [e - 2, e]; }
    case 'thanksgiving': { const d = thanksgiving(year); return [d, d]; }
    case 'black-friday': { const d = thanksgiving(year) + 1; return [d, d]; }
    case 'cyber-monday': { const d = thanksgiving(year) + 4; return [d, d]; }
    case 'christmas-shopping': return [dayOf(year, 12, 11), dayOf(year, 12, 24)];
    case 'christmas': return [dayOf(year, 12, 24), dayOf(year, 12, 26)];
    case 'year-end': return [dayOf(year, 12, 27), dayOf(year, 12, 31)];
  }
}
