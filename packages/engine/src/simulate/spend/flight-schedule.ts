import { EngineError } from '../../errors.ts';
import { uniform, uniformInt } from '../../random/distributions.ts';
import type { Rng } from '../../random/rng.ts';

/**
 * An on/off flighting calendar: alternating runs of "on" periods (campaign flights) and "off"
 * periods (dark), with run lengths drawn uniformly from the given integer ranges. The series starts
 * in a random phase (on with probability mean-on / (mean-on + mean-off), first run truncated at a
 * random point) so flights do not all line up at t = 0. At least one period is on.
 * @param rng seeded generator
 * @param n number of periods
 * @param onLength [min, max] flight length in periods (integers ≥ 1)
 * @param offLength [min, max] gap length in periods (integers ≥ 0)
 * @returns shape [n]: the flight number (0, 1, 2 …) of each on period, −1 for off periods
 * @throws EngineError('INVALID_ARGUMENT') for bad ranges
 * @example flightSchedule(createRng(1), 10, [3, 3], [2, 2]) // e.g. [-1, 0, 0, 0, -1, -1, 1, 1, 1, -1]
 */
export function flightSchedule(rng: Rng, n: number, onLength: readonly [number, number], offLength: readonly [number, number]): Int32Array {
  const [onMin, onMax] = onLength;
  const [offMin, offMax] = offLength;
  if (!(Number.isInteger(onMin) && Number.isInteger(onMax) && onMin >= 1 && onMax >= onMin)) {
    throw new EngineError('INVALID_ARGUMENT', `simulate: flight onLength must be integers 1 ≤ min ≤ max, got [${onMin}, ${onMax}]`);
  }
  if (!(Number.isInteger(offMin) && Number.isInteger(offMax) && offMin >= 0 && offMax >= offMin)) {
    throw new EngineError('INVALID_ARGUMENT', `simulate: flight offLength must be integers 0 ≤ min ≤ max, got [${offMin}, ${offMax}]`);
  }
  const out = new Int32Array(n).fill(-1);
  const meanOn = (onMin + onMax) / 2;
  const meanOff = (offMin + offMax) / 2;
  let on = rng.next() < meanOn / (meanOn + meanOff);
  let t = 0;
  let flight = 0;
  let first = true;
  while (t < n) {
    let len = on ? uniformInt(rng, onMin, onMax) : uniformInt(rng, offMin, offMax);
    if (first) { len = Math.max(on ? 1 : 0, Math.round(len * uniform(rng, 0, 1))); first = false; }
    if (on) {
      for (let i = 0; i < len && t + i < n; i++) out[t + i] = flight;
      flight++;
    }
    t += len;
    on = !on;
  }
  if (flight === 0 && n > 0) {
    const len = Math.min(n, onMin);
    const start = Math.floor((n - len) / 2);
    for (let i = 0; i < len; i++) out[start + i] = 0;
  }
  return out;
}
