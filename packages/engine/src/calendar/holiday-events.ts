import type { Frequency } from '../spec/modeling-table.ts';
import { dayNumber, periodDays } from './dates.ts';
import type { Holiday } from './holiday.ts';
import { holidayIndicator } from './holiday-indicator.ts';

/** How weekly dates are labelled: by the week's first day (the default, as Mixwise writes weeks) or its last. */
export type WeekLabel = 'start' | 'end';

/** Options of holidayEvents. */
export interface HolidayEventsOptions {
  /** Weekly data only: each date is the first ('start', default) or last ('end') day of its 7-day week. */
  readonly weekLabel?: WeekLabel;
  /** 'each' (default): one event per holiday; 'set': one event per holiday set, 1 when any of its holidays falls in the period. */
  readonly columns?: 'each' | 'set';
  /** Rows [from, to) a holiday must fall in to be kept (default: every row), e.g. the modeling window without warm-up rows. */
  readonly rows?: { readonly from: number; readonly to: number };
}

/** One holiday event column. */
export interface HolidayEvent {
  /** Event name: `holiday_` + the holiday id (or set name) with `-` as `_`, e.g. 'holiday_black_friday'. */
  readonly name: string;
  /** The holiday ids it marks (one, or every holiday of a set with columns 'set'). */
  readonly holidays: readonly string[];
  /** With columns 'set': the holiday set the event stands for; absent for one event per holiday. */
  readonly set?: string;
  /** 0/1 per period, shape [nTimes]. */
  readonly values: Float64Array;
}

/** What holidayEvents made: the events, and the holidays left out because no day falls in the rows. */
export interface HolidayEventsResult {
  readonly events: HolidayEvent[];
  /** Ids of the selected holidays with no day in the rows. */
  readonly absent: string[];
}

/**
 * The event name of a holiday id or set name.
 * @example holidayEventName('black-friday') // 'holiday_black_friday'
 */
export function holidayEventName(id: string): string {
  return `holiday_${id.replace(/-/g, '_')}`;
}

/**
 * 0/1 event columns for holidays over a table's dates (holidayIndicator per holiday). Daily data: a
 * holiday's days are 1. Weekly data: a week holding any day of the holiday is 1, the week being the 7
 * days from its date ('start') or the 7 days up to its date ('end'). A holiday with no day in the rows
 * is left out (listed in `absent`).
 * @param dates ISO dates, shape [nTimes], increasing, one per period
 * @param frequency 'weekly' or 'daily'
 * @param holidays the rules (selectHolidays)
 * @param options weekLabel, columns, rows
 * @throws EngineError('INVALID_ARGUMENT') for a date that is not yyyy-mm-dd
 * @example holidayEvents(['2024-11-25', '2024-12-02'], 'weekly', selectHolidays(['black-friday'])).events[0].values // [1, 0]
 */
export function holidayEvents(dates: readonly string[], frequency: Frequency, holidays: readonly Holiday[], options: HolidayEventsOptions = {}): HolidayEventsResult {
  const length = periodDays(frequency);
  const shift = frequency === 'weekly' && options.weekLabel === 'end' ? length - 1 : 0;
  const starts = Int32Array.from(dates, (d) => dayNumber(d) - shift);
  const from = options.rows?.from ?? 0;
  const to = options.rows?.to ?? dates.length;
  const present = (v: Float64Array): boolean => v.subarray(from, to).some((x) => x === 1);
  const events: HolidayEvent[] = [];
  const absent: string[] = [];
  for (const h of holidays) {
    const values = holidayIndicator(starts, length, h);
    if (!present(values)) {
      absent.push(h.id);
      continue;
    }
    if (options.columns === 'set') {
      const name = holidayEventName(h.set);
      const i = events.findIndex((e) => e.name === name);
      if (i < 0) events.push({ name, holidays: [h.id], set: h.set, values });
      else {
        const merged = events[i].values.map((x, t) => Math.max(x, values[t]));
        events[i] = { name, holidays: [...events[i].holidays, h.id], set: h.set, values: merged };
      }
    } else events.push({ name: holidayEventName(h.id), holidays: [h.id], values });
  }
  return { events, absent };
}
