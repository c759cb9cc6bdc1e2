import { EngineError } from '../../errors.ts';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whole days from 1970-01-01 to an ISO calendar date (yyyy-mm-dd), by Date.UTC so no local time
 * zone or daylight-saving shift can move it. Years 1000–9999 (Date.UTC maps years below 100 to 19xx).
 * @param date 'yyyy-mm-dd'
 * @returns days since 1970-01-01 (negative before it)
 * @throws EngineError('INVALID_ARGUMENT') when `date` is not a valid yyyy-mm-dd date (e.g. 2023-02-29)
 * @example isoDayNumber('1970-01-02') // 1
 */
export function isoDayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (m !== null) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
      const ms = Date.UTC(y, mo - 1, d);
      // Date.UTC rolls 2023-02-30 over to March: reject dates that do not round-trip.
      if (new Date(ms).getUTCDate() === d) return Math.round(ms / MS_PER_DAY);
    }
  }
  throw new EngineError('INVALID_ARGUMENT', `expected a date as yyyy-mm-dd, got ${JSON.stringify(date)}`);
}

/**
 * Day numbers of many ISO dates, naming the offending index in errors.
 * @param dates ISO dates, shape [nTimes]
 * @returns days since 1970-01-01, shape [nTimes]
 * @throws EngineError('INVALID_ARGUMENT') naming the index of the first invalid date
 * @example isoDayNumbers(['1970-01-01', '1970-01-08']) // [0, 7]
 */
export function isoDayNumbers(dates: readonly string[]): Float64Array {
  const out = new Float64Array(dates.length);
  for (let i = 0; i < dates.length; i++) {
    try {
      out[i] = isoDayNumber(dates[i]);
    } catch (e) {
      if (e instanceof EngineError) throw new EngineError(e.code, `dates[${i}]: ${e.message}`);
      throw e;
    }
  }
  return out;
}
