import { holidayById } from '../../calendar/holiday-sets.ts';
import type { Holiday } from '../../calendar/holiday.ts';
import { EngineError } from '../../errors.ts';

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

/**
 * The product calendar's rule (packages/engine/src/calendar, holidayById) of each kind: the one table
 * of simulator holidays, also behind the datamart's calendar flags (@mixwise/data calendarTable).
 * Easter is the calendar's easter-weekend, christmas its christmas-days.
 */
export const HOLIDAY_KIND_RULES: Readonly<Record<HolidayKind, string>> = {
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

/** Every holiday kind, in calendar order. */
export const holidayKinds: readonly HolidayKind[] = Object.keys(HOLIDAY_KIND_RULES) as HolidayKind[];

/**
 * The product calendar's rule of a holiday kind (HOLIDAY_KIND_RULES).
 * @param kind the holiday
 * @returns the rule, whose `days(year)` are the holiday's day numbers in a year
 * @throws EngineError('INVALID_ARGUMENT') for a kind without a rule
 * @example holidayKindRule('easter').id // 'easter-weekend'
 */
export function holidayKindRule(kind: HolidayKind): Holiday {
  const h = holidayById(HOLIDAY_KIND_RULES[kind] ?? '');
  if (h === undefined) throw new EngineError('INVALID_ARGUMENT', `holiday kind "${String(kind)}" has no calendar rule; use one of ${holidayKinds.join(', ')}`);
  return h;
}

/**
 * The first and last days (as day numbers, inclusive) a holiday covers in one year (holidayKindRule).
 * @param kind the holiday
 * @param year calendar year
 * @returns [firstDay, lastDay]
 * @throws EngineError('INVALID_ARGUMENT') for a kind without a rule
 * @example holidaySpan('black-friday', 2022).map(isoDate) // ['2022-11-25', '2022-11-25']
 */
export function holidaySpan(kind: HolidayKind, year: number): [number, number] {
  const days = holidayKindRule(kind).days(year);
  return [days[0], days[days.length - 1]];
}
