import { EngineError } from '../../errors.ts';
import { dayNumber } from '../../calendar/dates.ts';

/** Days since 1970-01-01 of an ISO date: calendar/dates.ts's dayNumber, under the name the seasonality transforms export. */
export { dayNumber as isoDayNumber };

/**
 * Day numbers of many ISO dates (dayNumber), naming the offending index in errors.
 * @param dates ISO dates, shape [nTimes]
 * @returns days since 1970-01-01, shape [nTimes]
 * @throws EngineError('INVALID_ARGUMENT') naming the index of the first invalid date
 * @example isoDayNumbers(['1970-01-01', '1970-01-08']) // [0, 7]
 */
export function isoDayNumbers(dates: readonly string[]): Float64Array {
  const out = new Float64Array(dates.length);
  for (let i = 0; i < dates.length; i++) {
    try {
      out[i] = dayNumber(dates[i]);
    } catch (e) {
      if (e instanceof EngineError) throw new EngineError(e.code, `dates[${i}]: ${e.message}`);
      throw e;
    }
  }
  return out;
}
