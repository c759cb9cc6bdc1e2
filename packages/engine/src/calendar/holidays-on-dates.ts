import { dayNumber, yearOf } from './dates.ts';
import { ALL_HOLIDAYS } from './holiday-sets.ts';
import type { Holiday } from './holiday.ts';

/**
 * The built-in holidays behind a group of dates that recur at the same time of year: a small set of
 * holidays, each on at least two of the dates (it recurs), that together cover every date — what
 * `--holidays` could add for them; [] when no such set exists. A period covers [date, date +
 * periodLength), weeks labelled by their first day as `--holidays` reads them by default (`shift` moves
 * each period back for weeks labelled by their last day). Chosen
 * greedily: the holiday on the most uncovered dates first, then the one with the fewest days (a
 * one-day moment before a two-week season), then the calendar's order.
 * @param dates ISO dates of the periods
 * @param periodLength days per period (7 weekly, 1 daily)
 * @param holidays the candidates (default every holiday of every set)
 * @param shift days from a period's date back to its first day (labelShift: 6 for weeks labelled by their last day)
 * @example holidaysOnDates(['2023-11-24', '2023-11-27', '2024-11-29', '2024-12-02'], 1).map((h) => h.id) // ['black-friday', 'cyber-monday']
 */
export function holidaysOnDates(dates: readonly string[], periodLength: number, holidays: readonly Holiday[] = ALL_HOLIDAYS, shift = 0): Holiday[] {
  const starts = dates.map((d) => dayNumber(d) - shift);
  // For each candidate, which dates' periods hold one of its days, and how many days it spans a year.
  const candidates = holidays.map((h) => {
    const on = new Set<number>();
    let span = Infinity;
    starts.forEach((start, i) => {
      const end = start + periodLength - 1;
      // The holiday's days in the years the period touches (a week can straddle New Year).
      const days = [...h.days(yearOf(start)), ...(yearOf(end) !== yearOf(start) ? h.days(yearOf(end)) : [])];
      if (days.length > 0) span = Math.min(span, days.length);
      if (days.some((d) => d >= start && d <= end)) on.add(i);
    });
    return { h, on, span };
  }).filter((c) => c.on.size >= 2);
  const uncovered = new Set(starts.keys());
  const chosen: Holiday[] = [];
  while (uncovered.size > 0) {
    let best: (typeof candidates)[number] | undefined;
    let bestGain = 0;
    for (const c of candidates) {
      let gain = 0;
      for (const i of c.on) if (uncovered.has(i)) gain++;
      if (gain > bestGain || (gain === bestGain && gain > 0 && best !== undefined && c.span < best.span)) { best = c; bestGain = gain; }
    }
    if (best === undefined) return [];
    chosen.push(best.h);
    for (const i of best.on) uncovered.delete(i);
  }
  return chosen;
}
