import type { Frequency } from '@mixwise/engine';
import { periodWord } from '@mixwise/engine';
import type { IssueCollector } from '../issue-collector.ts';
import { isoFromDays } from '../read/date.ts';
import { medianStep } from './median-step.ts';

/** Supported frequencies and their step in days. */
export const FREQUENCY_STEP_DAYS: Readonly<Record<Frequency, number>> = { weekly: 7, daily: 1 };

/** Where the dates come from, for issue locations. */
export interface DateSource {
  column: string;
  /** File line of each date (same length as days). */
  rowNumbers: readonly number[];
}

/**
 * Infers the data frequency from the median step between consecutive dates: 7 days is weekly, 1 day
 * daily. Every step that differs from it is an IRREGULAR_DATES error (a missing or extra period); a
 * median step of anything else (monthly data, say) is UNSUPPORTED_FREQUENCY.
 * @param days sorted, distinct day numbers (days since 1970-01-01), shape [nTimes]
 * @param issues receives IRREGULAR_DATES and UNSUPPORTED_FREQUENCY errors
 * @param source date column and row numbers for locations
 * @returns the frequency, or undefined when there are fewer than 2 dates or it cannot be determined
 * @example detectFrequency([0, 7, 14], issues, { column: 'date', rowNumbers: [2, 3, 4] }) // 'weekly'
 */
export function detectFrequency(days: readonly number[], issues: IssueCollector, source: DateSource): Frequency | undefined {
  if (days.length < 2) return undefined;
  const steps: number[] = [];
  for (let i = 1; i < days.length; i++) steps.push(days[i] - days[i - 1]);
  const median = medianStep(days) ?? 0;
  const frequency = (Object.keys(FREQUENCY_STEP_DAYS) as Frequency[]).find((f) => FREQUENCY_STEP_DAYS[f] === median);
  if (frequency === undefined) {
    const what = median >= 28 && median <= 31 ? 'monthly' : `every ${median} days`;
    issues.error('UNSUPPORTED_FREQUENCY', `the dates are ${what}; Mixwise models weekly or daily data`,
      'provide one row per week (or per day)', { column: source.column });
    return undefined;
  }
  steps.forEach((step, k) => {
    if (step === median) return;
    const kind = step > median ? 'a gap' : 'a short step';
    issues.error('IRREGULAR_DATES',
      `${kind} of ${step} days between ${isoFromDays(days[k])} (row ${source.rowNumbers[k]}) and ${isoFromDays(days[k + 1])}; ${frequency} data needs ${median}`,
      step > median
        ? 'add the missing periods (with 0 spend where nothing was spent) so that dates are evenly spaced'
        : `remove or merge the extra rows so that there is one row per ${periodWord(frequency)}, all on the same weekday`,
      { row: source.rowNumbers[k + 1], column: source.column });
  });
  return frequency;
}
