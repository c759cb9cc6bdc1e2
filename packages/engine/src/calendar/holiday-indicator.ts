import { yearOf } from './dates.ts';
import type { Holiday } from './holiday.ts';

/**
 * A 0/1 series for a holiday: period t gets 1 when any day of the holiday falls inside
 * [starts[t], starts[t] + periodLength). Weekly data labelled by the week's first day: the weeks that
 * contain a holiday day; daily data (periodLength 1): the holiday's own days.
 * @param starts first day (day number) of each period, shape [nTimes], increasing
 * @param periodLength days per period (7 weekly, 1 daily)
 * @param holiday the holiday rule
 * @returns shape [nTimes], values 0 or 1
 * @example holidayIndicator(Int32Array.from([dayOf(2024, 11, 25), dayOf(2024, 12, 2)]), 7, holidayById('black-friday')) // [1, 0]
 */
export function holidayIndicator(starts: Int32Array, periodLength: number, holiday: Pick<Holiday, 'days'>): Float64Array {
  const n = starts.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const y0 = yearOf(starts[0]) - 1;
  const y1 = yearOf(starts[n - 1] + periodLength) + 1;
  let t = 0;
  for (let y = y0; y <= y1; y++) {
    for (const day of holiday.days(y)) {
      // Periods are increasing: move to the first period that does not end before this day.
      while (t < n && starts[t] + periodLength - 1 < day) t++;
      if (t < n && starts[t] <= day) out[t] = 1;
    }
  }
  return out;
}
