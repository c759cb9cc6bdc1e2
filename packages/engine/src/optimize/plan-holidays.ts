import type { MmmModel } from '../model/mmm-model.ts';
import type { Frequency } from '../spec/modeling-table.ts';
import { dayNumber, periodDays } from '../calendar/dates.ts';
import { holidayById } from '../calendar/holiday-sets.ts';
import { holidayIndicator } from '../calendar/holiday-indicator.ts';
import { labelShift } from '../calendar/holiday-calendar.ts';
import { planDates } from './plan-dates.ts';

/**
 * The built-in holiday events of a model (from `--holidays`), for placing them on a plan's future
 * periods: the plan's flat baseline is the reference periods' mean, holidays included at their past
 * rate, so each event's mean is taken out and its coefficient put back on the periods its holidays
 * fall in, by the same calendar rules the fit used.
 */
export interface PlanHolidays {
  /** ISO date of the data's last row: the plan's periods follow it. */
  readonly lastDate: string;
  readonly frequency: Frequency;
  /** Days from a date back to its period's first day (labelShift of the model's week label). */
  readonly shift: number;
  /** One per holiday event: the holiday ids it marks, its coefficient and its mean over the reference rows. */
  readonly terms: readonly { readonly name: string; readonly holidays: readonly string[]; readonly coef: number; readonly mean: number }[];
}

/**
 * The holiday events of a model fitted with `--holidays` (model.holidayCalendar), undefined without them.
 * @param model the fitted model
 * @param rows the reference rows [start, end) whose mean baseline the plan uses
 * @example planHolidaysOf(model, { start: 0, end: 156 })?.terms[0].name // 'holiday_black_friday'
 */
export function planHolidaysOf(model: MmmModel, rows: { readonly start: number; readonly end: number }): PlanHolidays | undefined {
  if (model.holidayCalendar === undefined || model.dates.length === 0) return undefined;
  const n = rows.end - rows.start;
  const terms = model.baseline.filter((b) => b.kind === 'event' && b.name.startsWith('holiday_') && (b.holidays?.length ?? 0) > 0).map((b) => {
    let s = 0;
    for (let t = rows.start; t < rows.end; t++) s += b.values[t];
    return { name: b.name, holidays: b.holidays ?? [], coef: b.coef, mean: n > 0 ? s / n : 0 };
  });
  if (terms.length === 0) return undefined;
  return { lastDate: model.dates[model.dates.length - 1], frequency: model.frequency, shift: labelShift(model.frequency, model.holidayCalendar.weekLabel), terms };
}

/** Per plan period, the holiday events that are 1 and their ids; with the baseline change they make. */
export interface PlanHolidayPeriods {
  /** Per period [H]: its date and the ids of the holidays in it (empty for none). */
  readonly periods: readonly { readonly date: string; readonly holidays: readonly string[] }[];
  /** KPI over the H periods that the holidays add to the flat baseline (reference mean × H): Σ coef·(count − H·mean). */
  readonly kpi: number;
}

/**
 * The holidays on a plan's H future periods and the KPI they add to its flat baseline.
 * @param holidays from planHolidaysOf
 * @param H the plan's periods
 * @example planHolidayPeriods(h, 8).periods[3] // { date: '2024-11-25', holidays: ['black-friday'] }
 */
export function planHolidayPeriods(holidays: PlanHolidays, H: number): PlanHolidayPeriods {
  const dates = planDates(holidays.lastDate, holidays.frequency, H);
  const starts = Int32Array.from(dates, (d) => dayNumber(d) - holidays.shift);
  const length = periodDays(holidays.frequency);
  const on = dates.map(() => new Set<string>());
  let kpi = 0;
  for (const term of holidays.terms) {
    const marked = new Float64Array(H);
    for (const id of term.holidays) {
      const h = holidayById(id);
      if (h === undefined) continue;
      holidayIndicator(starts, length, h).forEach((x, i) => { if (x === 1) { marked[i] = 1; on[i].add(id); } });
    }
    let count = 0;
    for (const x of marked) count += x;
    kpi += term.coef * (count - H * term.mean);
  }
  return { periods: dates.map((date, i) => ({ date, holidays: [...on[i]] })), kpi };
}

/**
 * The line under a plan's KPI naming the holidays it places (`mixwise optimize --periods`): which
 * fall in which periods and what they add to the window's KPI; '' when no holiday falls in the plan
 * and they change nothing.
 * @param placed planHolidayPeriods' result
 * @param amount formats a KPI amount
 * @example planHolidaysText(placed, String) // 'holidays from --holidays in the plan: black-friday (2024-11-25); they add 423 to the KPI inside the window, …'
 */
export function planHolidaysText(placed: PlanHolidayPeriods, amount: (v: number) => string): string {
  const on = placed.periods.filter((p) => p.holidays.length > 0).map((p) => `${p.holidays.join(', ')} (${p.date})`);
  const signed = amount(placed.kpi);
  const kpi = `${/^[-\u2212]/.test(signed) ? signed : `+${signed}`} to the KPI inside the window against the reference periods' average, for the plan and current spend alike`;
  if (on.length === 0) return placed.kpi === 0 ? '' : `no holiday from --holidays falls in the plan: ${kpi}`;
  return `holidays from --holidays in the plan: ${on.join(', ')}; ${kpi}`;
}
