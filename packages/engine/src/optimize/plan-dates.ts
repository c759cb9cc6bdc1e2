import type { Frequency } from '../spec/modeling-table.ts';
import { dayNumber, isoDate, periodDays } from '../calendar/dates.ts';

/**
 * The ISO start dates of the H periods a plan covers: the periods right after the last row of the
 * data (planModelFromMmm carries over the spend of the rows before), 7 days apart for weekly data,
 * 1 day for daily.
 * @param lastDate ISO date of the data's last row
 * @param frequency the model's frequency
 * @param periods H ≥ 0
 * @throws EngineError('INVALID_ARGUMENT') for a date that is not YYYY-MM-DD
 * @example planDates('2024-12-23', 'weekly', 2) // ['2024-12-30', '2025-01-06']
 */
export function planDates(lastDate: string, frequency: Frequency, periods: number): string[] {
  const d0 = dayNumber(lastDate), step = periodDays(frequency);
  return Array.from({ length: periods }, (_, h) => isoDate(d0 + step * (h + 1)));
}
