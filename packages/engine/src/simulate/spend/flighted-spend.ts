import { normal } from '../../random/distributions.ts';
import type { Rng } from '../../random/rng.ts';
import { flightSchedule } from './flight-schedule.ts';

/** Within-flight period-to-period log-sd, as a share of the pattern's volatility. */
const WITHIN_FLIGHT = 0.25;

/**
 * Trapezoid profile of a burst: ramps up over the first `ramp` share of the burst and down over the
 * last, floored at 0.2 so the first and last periods still spend something; 1 when ramp = 0.
 * @example trapezoid(0, 10, 0.5) // 0.2 (p = 0.05 → 0.1, floored)
 */
export function trapezoid(pos: number, len: number, ramp: number): number {
  if (ramp <= 0) return 1;
  const p = (pos + 0.5) / len;
  return Math.max(0.2, Math.min(1, p / ramp, (1 - p) / ramp));
}

/**
 * Relative spend levels of a flighted channel (TV, OOH, events) or of ramped campaigns (daily
 * influencer bursts): 0 between flights; inside flight f at period t
 * trapezoid(t)·exp(volatility·(√ρ·z[t] + √(1−ρ)·L_f + 0.25·ε_t)), L_f ~ N(0, 1) the flight's level,
 * ε_t ~ N(0, 1) within-flight jitter.
 * @param rng seeded generator
 * @param budget shared budget factor, unit variance, shape [nTimes]
 * @param volatility log-scale sd of flight levels (≥ 0)
 * @param onLength [min, max] flight length in periods
 * @param offLength [min, max] gap length in periods
 * @param ramp share of each burst spent ramping up (and down), 0 for flat flights
 * @param correlation ρ in [0, 1]
 * @returns unscaled levels ≥ 0, shape [nTimes]
 * @example flightedLevels(createRng(1), new Float64Array(6), 0, [2, 2], [1, 1], 0, 0) // e.g. [0, 1, 1, 0, 1, 1]
 */
export function flightedLevels(
  rng: Rng,
  budget: Float64Array,
  volatility: number,
  onLength: readonly [number, number],
  offLength: readonly [number, number],
  ramp: number,
  correlation: number,
): Float64Array {
  const n = budget.length;
  const shared = Math.sqrt(correlation);
  const own = Math.sqrt(1 - correlation);
  const flights = flightSchedule(rng, n, onLength, offLength);
  const nFlights = flights.reduce((m, f) => Math.max(m, f + 1), 0);
  const level = new Float64Array(nFlights);
  for (let k = 0; k < nFlights; k++) level[k] = normal(rng);
  const x = new Float64Array(n);
  let start = 0;
  for (let t = 0; t < n; t++) {
    const f = flights[t];
    const jitter = normal(rng) * WITHIN_FLIGHT;
    if (f < 0) continue;
    if (t === 0 || flights[t - 1] !== f) start = t;
    let end = t;
    while (end < n - 1 && flights[end + 1] === f) end++;
    x[t] = trapezoid(t - start, end - start + 1, ramp) * Math.exp(volatility * (shared * budget[t] + own * level[f] + jitter));
  }
  return x;
}
