import { isoDayNumbers } from './iso-day-number.ts';

/** Names of the dummy columns returned by dayOfWeekDummies, in order (Sunday is the reference). */
export const DAY_OF_WEEK_NAMES: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * Day-of-week indicator columns for daily data: 6 columns, Monday..Saturday, each 1 on that
 * weekday and 0 otherwise; Sunday is the reference level (all zeros), so the columns are not
 * collinear with an intercept. Weekday from the ISO date (1970-01-01 was a Thursday), no time zones.
 * @param dates ISO dates yyyy-mm-dd, shape [nTimes]
 * @returns 6 columns, each shape [nTimes]
 * @throws EngineError('INVALID_ARGUMENT') naming the index of an invalid date
 * @example dayOfWeekDummies(['2024-01-01'])[0] // [1] (2024-01-01 was a Monday)
 */
export function dayOfWeekDummies(dates: readonly string[]): Float64Array[] {
  const days = isoDayNumbers(dates);
  const n = days.length;
  const cols: Float64Array[] = [];
  for (let k = 0; k < 6; k++) cols.push(new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const dow = (((days[i] + 4) % 7) + 7) % 7; // 0 = Sunday, 1 = Monday, …, 6 = Saturday
    if (dow > 0) cols[dow - 1][i] = 1;
  }
  return cols;
}
