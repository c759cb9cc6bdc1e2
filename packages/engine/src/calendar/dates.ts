import { EngineError } from '../errors.ts';
import type { Frequency } from '../spec/modeling-table.ts';

const MS_PER_DAY = 86_400_000;

/**
 * Days in a mean year, 365.25 (the Julian year; the Gregorian mean is 365.2425): the length of the
 * yearly cycle for yearly seasonality and its Fourier terms (Prophet uses the same).
 */
export const DAYS_PER_YEAR = 365.25;

/**
 * Days since 1970-01-01 (UTC) of an ISO date `yyyy-mm-dd`, by Date.UTC so no local time zone or
 * daylight-saving shift can move it. The one day-number conversion of the engine (seasonality,
 * calendars, recurring dates).
 * @param iso a calendar date such as '2022-01-03' (years 0100–9999: Date.UTC maps years below 100 to 19xx)
 * @returns days since 1970-01-01 (negative before it)
 * @throws EngineError('INVALID_ARGUMENT') when `iso` is not a valid yyyy-mm-dd date (e.g. 2023-02-29)
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) throw new EngineError('INVALID_ARGUMENT', `calendar: expected a yyyy-mm-dd date, got '${iso}'`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new EngineError('INVALID_ARGUMENT', `calendar: '${iso}' is not a calendar date (yyyy-mm-dd)`);
  }
  return Math.round(ms / MS_PER_DAY);
}

/**
 * ISO date `yyyy-mm-dd` of a day number (days since 1970-01-01, UTC). Inverse of `dayNumber`.
 * @example isoDate(19360) // '2023-01-03'
 */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Day number of a calendar date given as year, month (1–12) and day of month.
 * @example dayOf(1970, 1, 1) // 0
 */
export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Calendar year (UTC) of a day number. @example yearOf(0) // 1970 */
export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/**
 * ISO weekday of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
 * @example weekdayOf(dayNumber('2022-01-03')) // 0 (a Monday)
 */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * Years since 1970-01-01 as a real number, day / DAYS_PER_YEAR (365.25): its fractional part is the time of year
 * (0 = Jan 1, drifting < 1 day across leap years). Yearly seasonality uses cos(2πk(yearPhase − peak)),
 * the same angle convention as calendar Fourier terms (Taylor & Letham 2018), so a fitted model's
 * Fourier terms can represent the simulated seasonality exactly.
 * @example yearPhase(dayOf(1971, 1, 1)) // 365 / 365.25 = 0.99931…
 */
export function yearPhase(day: number): number {
  return day / DAYS_PER_YEAR;
}

/** Length of one period in days: 7 for weekly data, 1 for daily. @example periodDays('weekly') // 7 */
export function periodDays(frequency: Frequency): number {
  return frequency === 'weekly' ? 7 : 1;
}

/**
 * Day numbers of `n` consecutive periods starting at `start` (weekly: every 7 days; daily: every day).
 * @param start ISO date of the first period
 * @param n number of periods (integer ≥ 0)
 * @param frequency 'weekly' or 'daily'
 * @throws EngineError('INVALID_ARGUMENT') for a bad date or n
 * @example periodDayNumbers('1970-01-01', 3, 'weekly') // [0, 7, 14]
 */
export function periodDayNumbers(start: string, n: number, frequency: Frequency): Int32Array {
  if (!Number.isInteger(n) || n < 0) throw new EngineError('INVALID_ARGUMENT', `calendar: number of periods must be an integer ≥ 0, got ${n}`);
  const d0 = dayNumber(start);
  const step = periodDays(frequency);
  const out = new Int32Array(n);
  for (let t = 0; t < n; t++) out[t] = d0 + step * t;
  return out;
}
