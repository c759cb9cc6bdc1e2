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

/** The product calendar's rule (packages/engine/src/calendar) of each kind, by holiday id. */
const FROM_CALENDAR: Readonly<Record<HolidayKind, string>> = {
  'new-year': 'us-new-year',
  valentines: 'valentines',
  easter: 'easter-weekend',
  thanksgiving: 'us-thanksgiving',
  'black-friday': 'black-friday',
  'cyber-monday': 'cyber-monday',
  'christmas-shopping': 'christmas-shopping',
  christmas: 'christmas-days',
  'year-end': 'year-end',
};

/**
 * The days (as day numbers, first and last inclusive) a holiday covers in one year: the product
 * calendar's rule of the kind (FROM_CALENDAR; easter is its easter-weekend, christmas its christmas-days).
 * @param kind the holiday
 * @param year calendar year
 * @returns [firstDay, lastDay]
 * @example holidaySpan('black-friday', 2022).map(isoDate) // ['2022-11-25', '2022-11-25']
 */
export function holidaySpan(kind: HolidayKind, year: number): [number, number] {
  const h = holidayById(FROM_CALENDAR[kind]);
  if (h === undefined) throw new Error(`holidaySpan: no calendar rule ${FROM_CALENDAR[kind]}`);
  const days = h.days(year);
  return [days[0], days[days.length - 1]];
}
