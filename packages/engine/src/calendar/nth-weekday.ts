import { dayOf, weekdayOf } from './dates.ts';

/**
 * Day number of the n-th given weekday of a month ("fourth Thursday of November"), or of the last one
 * for n = -1 ("last Monday of May"). The rule form of most floating public holidays.
 * @param year calendar year
 * @param month 1–12
 * @param weekday ISO weekday, 0 = Monday … 6 = Sunday
 * @param n 1–5 counting from the month's start (the result may fall in the next month for n = 5), or -1 for the last
 * @example isoDate(nthWeekday(2024, 11, 3, 4)) // '2024-11-28' (US Thanksgiving)
 */
export function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n === -1) {
    const last = dayOf(year, month + 1, 1) - 1; // Date.UTC rolls month 13 into January of year + 1
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = dayOf(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1);
}

/** ISO weekday numbers, for readable rules: `nthWeekday(y, 11, THURSDAY, 4)`. */
export const MONDAY = 0;
/** @see MONDAY */
export const THURSDAY = 3;
/** @see MONDAY */
export const SATURDAY = 5;
/** @see MONDAY */
export const SUNDAY = 6;
