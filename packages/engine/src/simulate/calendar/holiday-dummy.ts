import { holidayIndicator } from '../../calendar/holiday-indicator.ts';
import { holidayKindRule } from './holidays.ts';
import type { HolidayKind } from './holidays.ts';

/**
 * A 0/1 event column for a holiday: period t gets 1 when any day of the holiday falls inside
 * [days[t], days[t] + periodLength). For weekly data labelled by Monday this marks the Monday–Sunday
 * week(s) that contain the holiday; for daily data, the holiday's own days.
 * @param days first day (day number) of each period, shape [nTimes], increasing
 * @param periodLength days per period (7 weekly, 1 daily)
 * @param kind the holiday
 * @returns shape [nTimes], values 0 or 1
 * @throws EngineError('INVALID_ARGUMENT') for a kind without a calendar rule
 * @example holidayDummy(Int32Array.from([dayOf(2022, 11, 21), dayOf(2022, 11, 28)]), 7, 'black-friday') // [1, 0]
 */
export function holidayDummy(days: Int32Array, periodLength: number, kind: HolidayKind): Float64Array {
  return holidayIndicator(days, periodLength, holidayKindRule(kind));
}
