import type { MmmModel } from '../model/mmm-model.ts';
import type { Frequency } from '../spec/modeling-table.ts';
import { dayNumber, periodDays } from '../calendar/dates.ts';
import { ALL_HOLIDAYS, HOLIDAY_SET_NAMES, HOLIDAY_SETS, holidayById } from '../calendar/holiday-sets.ts';
import { holidayIndicator } from '../calendar/holiday-indicator.ts';
import { labelShift } from '../calendar/holiday-calendar.ts';
import { holidayEventName, type WeekLabel } from '../calendar/holiday-events.ts';
import { planDates } from './plan-dates.ts';

/** One model event standing for built-in holidays: its holiday ids, coefficient and reference-row mean. */
export interface PlanHolidayTerm { readonly name: string; readonly holidays: readonly string[]; readonly coef: number; readonly mean: number }

/**
 * The built-in holiday events of a model, for placing them on a plan's future periods: the plan's
 * flat baseline is the reference periods' mean, holidays included at their past rate, so each event's
 * mean is taken out and its coefficient put back on the periods its holidays fall in, by the same
 * calendar rules the fit used. Besides the `holiday_<id>` events, a file's own event column that a
 * requested holiday was found equal to (EventColumn.holidays) is placed on that holiday's dates.
 */
export interface PlanHolidays {
  /** ISO date of the data's last row: the plan's periods follow it. */
  readonly lastDate: string;
  readonly frequency: Frequency;
  /** Days from a date back to its period's first day (labelShift of the model's week label). */
  readonly shift: number;
  /** The events placed on the plan's dates. */
  readonly terms: readonly PlanHolidayTerm[];
  /** Events that look like holidays (named holiday_<id> or recording ids) whose dates could not be trusted: kept at their reference average. */
  readonly flat?: readonly { readonly name: string; readonly holidays: readonly string[] }[];
  /**
   * 'recorded': model.holidayCalendar gives the week label and the ids; 'inferred': the model records
   * none (model.json from before, or a fit of a `prepare`d table), so the ids come from the events'
   * records or names and only events whose past values those dates reproduce are placed.
   */
  readonly calendar: 'recorded' | 'inferred';
  /** Weekly data: the week label used (recorded, or the one that reproduces the past values). */
  readonly weekLabel?: WeekLabel;
}

type Term = MmmModel['baseline'][number];

/** Holiday ids an event stands for: recorded ones, else those its name gives (holiday_<id> or holiday_<set>). */
function idsOf(b: Term): readonly string[] {
  if ((b.holidays?.length ?? 0) > 0) return b.holidays ?? [];
  const one = ALL_HOLIDAYS.find((h) => holidayEventName(h.id) === b.name);
  if (one !== undefined) return [one.id];
  const set = HOLIDAY_SET_NAMES.find((s) => holidayEventName(s) === b.name);
  return set === undefined ? [] : HOLIDAY_SETS[set].map((h) => h.id);
}

/** 0/1 per period: 1 where any of the holidays falls in the period. */
function marks(dates: readonly string[], frequency: Frequency, shift: number, ids: readonly string[]): Float64Array {
  const starts = Int32Array.from(dates, (d) => dayNumber(d) - shift);
  const out = new Float64Array(dates.length);
  for (const id of ids) {
    const h = holidayById(id);
    if (h !== undefined) holidayIndicator(starts, periodDays(frequency), h).forEach((x, i) => { if (x === 1) out[i] = 1; });
  }
  return out;
}

/**
 * The holiday events of a model (PlanHolidays), undefined when it has none.
 * @param model the fitted model
 * @param rows the reference rows [start, end) whose mean baseline the plan uses
 * @example planHolidaysOf(model, { start: 0, end: 156 })?.terms[0].name // 'holiday_black_friday'
 */
export function planHolidaysOf(model: MmmModel, rows: { readonly start: number; readonly end: number }): PlanHolidays | undefined {
  if (model.dates.length === 0) return undefined;
  const n = rows.end - rows.start;
  const events = model.baseline.filter((b) => b.kind === 'event').map((b) => ({ b, ids: idsOf(b) })).filter((e) => e.ids.length > 0);
  if (events.length === 0) return undefined;
  const weekly = model.frequency === 'weekly';
  const reproduces = (e: { b: Term; ids: readonly string[] }, label: WeekLabel): boolean => {
    const m = marks(model.dates, model.frequency, labelShift(model.frequency, label), e.ids);
    return e.b.values.length === m.length && e.b.values.every((v, t) => v === m[t]);
  };
  const recorded = model.holidayCalendar !== undefined;
  // Without a recorded calendar the week label is the one under which most events reproduce their past (start on a tie, the default).
  const count = (label: WeekLabel): number => events.filter((e) => reproduces(e, label)).length;
  const label: WeekLabel = recorded ? (model.holidayCalendar?.weekLabel ?? 'start') : (weekly && count('end') > count('start') ? 'end' : 'start');
  // Recorded ids with a recorded calendar are the fit's own (the data layer checked the file events equal them).
  const placed = events.filter((e) => (recorded && (e.b.holidays?.length ?? 0) > 0) || reproduces(e, label));
  const flat = events.filter((e) => !placed.includes(e)).map((e) => ({ name: e.b.name, holidays: e.ids }));
  const terms = placed.map(({ b, ids }) => {
    let s = 0;
    for (let t = rows.start; t < rows.end; t++) s += b.values[t];
    return { name: b.name, holidays: ids, coef: b.coef, mean: n > 0 ? s / n : 0 };
  });
  return {
    lastDate: model.dates[model.dates.length - 1], frequency: model.frequency, shift: labelShift(model.frequency, label), terms,
    ...(flat.length > 0 ? { flat } : {}), calendar: recorded ? 'recorded' : 'inferred', ...(weekly ? { weekLabel: label } : {}),
  };
}

/** Per plan period, the holidays on it; the baseline change they make; which events were placed or kept flat. */
export interface PlanHolidayPeriods {
  /** Per period [H]: its date and the ids of the holidays in it (empty for none). */
  readonly periods: readonly { readonly date: string; readonly holidays: readonly string[] }[];
  /** KPI over the H periods that the holidays add to the flat baseline (reference mean × H): Σ coef·(count − H·mean). */
  readonly kpi: number;
  /** Every event standing for built-in holidays, its ids, and whether it was placed on the plan's dates (else kept at its reference average). */
  readonly events: readonly { readonly name: string; readonly holidays: readonly string[]; readonly placed: boolean }[];
  /** As PlanHolidays.calendar and weekLabel. */
  readonly calendar: 'recorded' | 'inferred';
  readonly weekLabel?: WeekLabel;
}

/**
 * The holidays on a plan's H future periods and the KPI they add to its flat baseline.
 * @param holidays from planHolidaysOf
 * @param H the plan's periods
 * @example planHolidayPeriods(h, 8).periods[3] // { date: '2024-11-25', holidays: ['black-friday'] }
 */
export function planHolidayPeriods(holidays: PlanHolidays, H: number): PlanHolidayPeriods {
  const dates = planDates(holidays.lastDate, holidays.frequency, H);
  const on = dates.map(() => new Set<string>());
  let kpi = 0;
  for (const term of holidays.terms) {
    let count = 0;
    for (const id of term.holidays) {
      marks(dates, holidays.frequency, holidays.shift, [id]).forEach((x, i) => { if (x === 1) on[i].add(id); });
    }
    for (const x of marks(dates, holidays.frequency, holidays.shift, term.holidays)) count += x;
    kpi += term.coef * (count - H * term.mean);
  }
  return {
    periods: dates.map((date, i) => ({ date, holidays: [...on[i]] })), kpi,
    events: [...holidays.terms.map((t) => ({ name: t.name, holidays: [...t.holidays], placed: true })), ...(holidays.flat ?? []).map((f) => ({ name: f.name, holidays: [...f.holidays], placed: false }))],
    calendar: holidays.calendar, ...(holidays.weekLabel === undefined ? {} : { weekLabel: holidays.weekLabel }),
  };
}
