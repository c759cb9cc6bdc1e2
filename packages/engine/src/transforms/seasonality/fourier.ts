import { EngineError } from '../../errors.ts';
import { isoDayNumbers } from './iso-day-number.ts';
import { DAYS_PER_YEAR } from '../../calendar/dates.ts';

export { DAYS_PER_YEAR };

/**
 * The mean length of a year in periods of a data frequency: DAYS_PER_YEAR / days per period, 365.25 / 7
 * ≈ 52.18 for weekly data, 365.25 for daily. Fractional on purpose: it is the period of the yearly
 * Fourier terms, and a whole 52 weeks would let the cycle drift 1.25 days a year against the calendar.
 * Not spec/model-spec.ts's PERIODS_PER_YEAR (52, 365), which counts whole periods for "does the window
 * cover a year".
 * @param frequency 'weekly' or 'daily'
 * @throws EngineError('INVALID_ARGUMENT') for another frequency
 * @example meanPeriodsPerYear('weekly') // 52.178571428571…
 */
export function meanPeriodsPerYear(frequency: 'weekly' | 'daily'): number {
  if (frequency === 'weekly') return DAYS_PER_YEAR / 7;
  if (frequency === 'daily') return DAYS_PER_YEAR;
  throw new EngineError('INVALID_ARGUMENT', `frequency must be 'weekly' or 'daily', got ${JSON.stringify(frequency)}`);
}

function checkOrder(order: number, limit: number, unit: string): void {
  if (!Number.isInteger(order) || order < 0) {
    throw new EngineError('INVALID_ARGUMENT', `Fourier order must be an integer ≥ 0, got ${String(order)}`);
  }
  if (order > 0 && !(2 * order < limit)) {
    throw new EngineError('INVALID_ARGUMENT', `Fourier order ${order} is at or above the Nyquist limit: need 2·order < ${limit} (period in ${unit})`);
  }
}

/**
 * Fill columns sin(k·θ_i), cos(k·θ_i), k = 1..order, for angles θ_i = 2π·u_i/period.
 * @example fillFourier(Float64Array.of(0, 1), 4, 1) // [[0, 1], [1, 0]] (sin1, cos1)
 */
function fillFourier(u: Float64Array, period: number, order: number): Float64Array[] {
  const n = u.length;
  const cols: Float64Array[] = [];
  for (let k = 1; k <= order; k++) {
    const s = new Float64Array(n);
    const c = new Float64Array(n);
    const w = (2 * Math.PI * k) / period;
    for (let i = 0; i < n; i++) {
      const a = w * u[i];
      s[i] = Math.sin(a);
      c[i] = Math.cos(a);
    }
    cols.push(s, c);
  }
  return cols;
}

/**
 * Fourier seasonality terms on the row index (Harvey & Shephard 1993; Taylor & Letham 2018,
 * "Forecasting at Scale", eq. 5): for k = 1..order, sin(2πk(t + offset)/period) and
 * cos(2πk(t + offset)/period), t = 0..nTimes−1.
 * @param nTimes number of periods (integer ≥ 0)
 * @param period season length in periods, > 0 (e.g. meanPeriodsPerYear('weekly'))
 * @param order number of harmonics (integer ≥ 0, 2·order < period)
 * @param offset shift of t in periods (default 0), e.g. to continue a series' phase
 * @returns 2·order columns [sin1, cos1, sin2, cos2, …], each shape [nTimes]
 * @throws EngineError('INVALID_ARGUMENT') for a bad nTimes, period, order or offset
 * @example fourierTerms(3, 4, 1) // [[0, 1, 0], [1, 0, −1]] (up to round-off)
 */
export function fourierTerms(nTimes: number, period: number, order: number, offset = 0): Float64Array[] {
  if (!Number.isInteger(nTimes) || nTimes < 0) {
    throw new EngineError('INVALID_ARGUMENT', `nTimes must be an integer ≥ 0, got ${String(nTimes)}`);
  }
  if (!(Number.isFinite(period) && period > 0)) {
    throw new EngineError('INVALID_ARGUMENT', `Fourier period must be a finite number > 0, got ${String(period)}`);
  }
  if (!Number.isFinite(offset)) throw new EngineError('INVALID_ARGUMENT', `Fourier offset must be finite, got ${String(offset)}`);
  checkOrder(order, period, 'periods');
  const u = new Float64Array(nTimes);
  for (let t = 0; t < nTimes; t++) u[t] = t + offset;
  return fillFourier(u, period, order);
}

/**
 * Fourier seasonality terms tied to the calendar rather than the row index: the angle of row i is
 * 2πk·d_i/periodDays with d_i the days since 1970-01-01 of dates[i], as Prophet does. So the phase
 * follows the day of the year (drifting < 1 day across leap years), whatever row the data starts on,
 * gaps in the dates are respected, and the terms run on smoothly over year ends.
 * Nyquist check: 2·order must stay below periodDays divided by the smallest gap between dates.
 * @param dates ISO dates yyyy-mm-dd, shape [nTimes]
 * @param order number of harmonics (integer ≥ 0)
 * @param periodDays season length in days (default 365.25, yearly)
 * @returns 2·order columns [sin1, cos1, sin2, cos2, …], each shape [nTimes]
 * @throws EngineError('INVALID_ARGUMENT') for an invalid date (naming its index), period or order
 * @example fourierFromDates(['1970-01-01', '1970-04-02'], 1)[0] // [0, sin(2π·91/365.25) ≈ 0.999986]
 */
export function fourierFromDates(dates: readonly string[], order: number, periodDays = DAYS_PER_YEAR): Float64Array[] {
  if (!(Number.isFinite(periodDays) && periodDays > 0)) {
    throw new EngineError('INVALID_ARGUMENT', `Fourier period must be a finite number of days > 0, got ${String(periodDays)}`);
  }
  const days = isoDayNumbers(dates);
  let gap = Infinity;
  for (let i = 1; i < days.length; i++) {
    const g = Math.abs(days[i] - days[i - 1]);
    if (g > 0 && g < gap) gap = g;
  }
  checkOrder(order, gap === Infinity ? Infinity : periodDays / gap, 'sampling steps');
  return fillFourier(days, periodDays, order);
}
