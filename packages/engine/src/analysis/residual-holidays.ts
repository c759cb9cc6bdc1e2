import type { MmmModel } from '../model/mmm-model.ts';
import { dayNumber, periodDays } from '../calendar/dates.ts';
import { ALL_HOLIDAYS, holidayById } from '../calendar/holiday-sets.ts';
import { holidayIndicator } from '../calendar/holiday-indicator.ts';
import { holidaysOnDates } from '../calendar/holidays-on-dates.ts';
import { labelShift } from '../calendar/holiday-calendar.ts';
import { modelledHolidays } from '../calendar/modelled-holidays.ts';

/**
 * Per recurring group of residual dates, the ids of built-in holidays the model lacks that fall on
 * them (holidaysOnDates), for the residual advice's `--holidays`. Periods are placed with the week
 * label the model was fitted with (model.holidayCalendar). A holiday is left out when the model has it
 * (modelledHolidays) or when every period of the window it falls in is already marked by a modelled
 * holiday (same dates under another id, fr-whit-monday beside de-whit-monday, or Black Friday in the
 * Thanksgiving week): adding it would only repeat that event.
 * @param model the fitted model (dates, window, baseline, holidayCalendar)
 * @param groups recurring groups of dates (largestResiduals' recurring)
 * @example residualHolidays(model, [['2023-11-24', '2024-11-29']]) // [['black-friday']]
 */
export function residualHolidays(model: Pick<MmmModel, 'dates' | 'frequency' | 'window' | 'baseline' | 'holidayCalendar'>, groups: readonly (readonly string[])[]): string[][] {
  if (groups.length === 0) return [];
  const length = periodDays(model.frequency);
  const shift = labelShift(model.frequency, model.holidayCalendar?.weekLabel);
  const starts = Int32Array.from(model.dates, (d) => dayNumber(d) - shift);
  const { start, end } = model.window;
  const modelled = modelledHolidays(model.baseline);
  // The window's periods marked by some modelled holiday, by the calendar's rules.
  const covered = new Uint8Array(model.dates.length);
  for (const id of modelled) {
    const h = holidayById(id);
    if (h === undefined) continue;
    holidayIndicator(starts, length, h).forEach((x, t) => { if (x === 1) covered[t] = 1; });
  }
  const repeats = (values: Float64Array): boolean => {
    let on = false;
    for (let t = start; t < end; t++) {
      if (values[t] !== 1) continue;
      if (covered[t] !== 1) return false;
      on = true;
    }
    return on;
  };
  const candidates = ALL_HOLIDAYS.filter((h) => !modelled.has(h.id) && !(modelled.size > 0 && repeats(holidayIndicator(starts, length, h))));
  return groups.map((g) => holidaysOnDates(g, length, candidates, shift).map((h) => h.id));
}
