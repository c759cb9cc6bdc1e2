import type { WeekLabel } from './holiday-events.ts';

/**
 * The built-in holidays a model was asked for (`--holidays`, the config's `holidays:`) and how its
 * weekly dates are labelled, recorded in model.json so that later readings (the residual advice)
 * place holidays on the same weeks as the fit did and suggest a `--holidays` that keeps the sets given.
 */
export interface HolidayCalendar {
  /** Holiday set names and ids as requested, e.g. ['us', 'black-friday']. */
  readonly names: readonly string[];
  /** Weekly data: each date is the first ('start') or last ('end') day of its week; absent for daily data. */
  readonly weekLabel?: WeekLabel;
  /** One event per holiday ('each') or per holiday set ('set'); absent for the default ('each'). */
  readonly columns?: 'each' | 'set';
}

/**
 * The model with the holiday calendar of the table it was fitted on (unchanged without holidays):
 * the tools that write model.json call it, as they add the data file's name.
 * @example withHolidayCalendar(model, table).holidayCalendar // { names: ['us'], weekLabel: 'start' }
 */
export function withHolidayCalendar<M extends object>(model: M, table: { readonly holidayCalendar?: HolidayCalendar }): M & { holidayCalendar?: HolidayCalendar } {
  return table.holidayCalendar === undefined ? model : { ...model, holidayCalendar: table.holidayCalendar };
}

/**
 * Days to subtract from a period's date to get its first day: 6 for weekly dates labelled by the
 * week's last day, else 0.
 * @example labelShift('weekly', 'end') // 6
 */
export function labelShift(frequency: 'weekly' | 'daily', weekLabel: WeekLabel | undefined): number {
  return frequency === 'weekly' && weekLabel === 'end' ? 6 : 0;
}
