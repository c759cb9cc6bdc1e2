import { dayOf } from './dates.ts';
import { holiday, type Holiday } from './holiday.ts';
import { MONDAY, THURSDAY, nthWeekday } from './nth-weekday.ts';

/**
 * US federal holidays, 5 U.S.C. § 6103(a), on their calendar day (not the Friday/Monday on which a
 * weekend holiday is observed by federal offices: shoppers react to July 4 itself). Juneteenth from
 * 2021 (Juneteenth National Independence Day Act, Pub. L. 117-17); Martin Luther King Jr. Day from 1986.
 */
export const US_HOLIDAYS: readonly Holiday[] = [
  holiday('us-new-year', "New Year's Day", 'us', 'January 1', (y) => [dayOf(y, 1, 1)]),
  holiday('us-mlk-day', 'Martin Luther King Jr. Day', 'us', 'third Monday of January', (y) => [nthWeekday(y, 1, MONDAY, 3)], 1986),
  holiday('us-presidents-day', "Washington's Birthday (Presidents' Day)", 'us', 'third Monday of February', (y) => [nthWeekday(y, 2, MONDAY, 3)]),
  holiday('us-memorial-day', 'Memorial Day', 'us', 'last Monday of May', (y) => [nthWeekday(y, 5, MONDAY, -1)]),
  holiday('us-juneteenth', 'Juneteenth National Independence Day', 'us', 'June 19, from 2021', (y) => [dayOf(y, 6, 19)], 2021),
  holiday('us-independence-day', 'Independence Day', 'us', 'July 4', (y) => [dayOf(y, 7, 4)]),
  holiday('us-labor-day', 'Labor Day', 'us', 'first Monday of September', (y) => [nthWeekday(y, 9, MONDAY, 1)]),
  holiday('us-columbus-day', 'Columbus Day', 'us', 'second Monday of October', (y) => [nthWeekday(y, 10, MONDAY, 2)]),
  holiday('us-veterans-day', 'Veterans Day', 'us', 'November 11', (y) => [dayOf(y, 11, 11)]),
  holiday('us-thanksgiving', 'Thanksgiving Day', 'us', 'fourth Thursday of November', (y) => [usThanksgiving(y)]),
  holiday('us-christmas', 'Christmas Day', 'us', 'December 25', (y) => [dayOf(y, 12, 25)]),
];

/**
 * Day number of US Thanksgiving: the fourth Thursday of November (36 U.S.C. § 142 since 1942).
 * @example isoDate(usThanksgiving(2024)) // '2024-11-28'
 */
export function usThanksgiving(year: number): number {
  return nthWeekday(year, 11, THURSDAY, 4);
}
