/**
 * Which of a few dates fall at the same time of year in different years: the mark of a recurring
 * event (a holiday, a yearly sale) that a model without an event column for it leaves in its
 * residuals year after year. Used on the largest residuals (largest-residuals.ts), so the fit can say
 * "add an event column for these dates" instead of "outliers or a missing event".
 */

import { dayNumber, dayOf, weekdayOf, yearOf } from '../calendar/dates.ts';

/** Two dates within this many days of the same calendar date (any weekday) match: fixed-date holidays such as Christmas. */
export const SAME_DATE_DAYS = 3;

/**
 * Two dates on the same weekday within this many days of the same calendar date match: holidays
 * fixed to a weekday move by up to 6 days a year (Black Friday 2023-11-24, 2024-11-29; Mother's Day);
 * for weekly data, whose dates all share a weekday, the same week of the year.
 */
export const SAME_WEEKDAY_DAYS = 6;

/** Dates fewer than this many days apart are the same occasion, not the same time in another year. */
const MIN_YEARS_APART_DAYS = 300;

/** Days since 1970-01-01 of a yyyy-mm-dd date (a time after it is ignored). */
const dayOfIso = (iso: string): number => dayNumber(iso.slice(0, 10));

/** Day of year 0–364 on a common non-leap calendar (29 February counts as 28 February). */
function dayOfYear(iso: string): number {
  const month = Number(iso.slice(5, 7));
  const day = Math.min(Number(iso.slice(8, 10)), month === 2 ? 28 : 31);
  return dayOf(2001, month, day) - dayOf(2001, 1, 1);
}

/**
 * ISO 8601 week number (1–53): the week, Monday to Sunday, is numbered by its Thursday's year.
 * @throws EngineError('INVALID_ARGUMENT') when the date is not yyyy-mm-dd
 * @example isoWeek('2023-11-24') // 47 ; isoWeek('2021-01-03') // 53
 */
export function isoWeek(iso: string): number {
  const day = dayOfIso(iso);
  const thursday = day - weekdayOf(day) + 3;
  return Math.floor((thursday - dayOf(yearOf(thursday), 1, 1)) / 7) + 1;
}

/**
 * Whether two dates at least MIN_YEARS_APART_DAYS apart fall at the same time of year: within
 * SAME_DATE_DAYS of the same calendar date, on the same weekday within SAME_WEEKDAY_DAYS of it, or in
 * the same ISO week.
 * @throws EngineError('INVALID_ARGUMENT') when a date is not yyyy-mm-dd
 * @example sameTimeOfYear('2023-11-24', '2024-11-29') // true (both the Friday after Thanksgiving)
 */
export function sameTimeOfYear(a: string, b: string): boolean {
  const apart = Math.abs(dayOfIso(a) - dayOfIso(b));
  if (apart < MIN_YEARS_APART_DAYS) return false;
  const gap = Math.abs(dayOfYear(a) - dayOfYear(b));
  const days = Math.min(gap, 365 - gap);
  return days <= SAME_DATE_DAYS || (apart % 7 === 0 && days <= SAME_WEEKDAY_DAYS) || isoWeek(a) === isoWeek(b);
}

/**
 * Groups of the given dates that recur at the same time of year (sameTimeOfYear, chained: a date
 * joins a group when it matches any member, so one year's Black Friday and Cyber Monday both join the
 * next year's Black Friday). Only groups spanning at least two years are returned, each in date order,
 * the groups in the order of their first date in the input (callers pass dates largest residual first).
 * @param dates yyyy-mm-dd dates
 * @example recurringDates(['2023-11-24', '2023-06-02', '2024-11-29']) // [['2023-11-24', '2024-11-29']]
 */
export function recurringDates(dates: readonly string[]): string[][] {
  const parent = dates.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < dates.length; i++) {
    for (let j = i + 1; j < dates.length; j++) {
      if (sameTimeOfYear(dates[i], dates[j])) parent[Math.max(root(i), root(j))] = Math.min(root(i), root(j));
    }
  }
  const groups = new Map<number, string[]>();
  dates.forEach((d, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), d]));
  return [...groups.values()].filter((g) => g.length >= 2).map((g) => [...g].sort());
}
