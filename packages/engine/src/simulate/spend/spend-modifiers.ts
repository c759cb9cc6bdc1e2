import type { Rng } from '../../random/rng.ts';
import { weekdayOf, yearPhase } from '../../calendar/dates.ts';
import type { SpendCommon } from './spend-pattern.ts';

/**
 * Apply the calendar and dark-period modifiers common to every spend pattern, in place:
 * x[t] *= exp(amplitude·cos(2π(day[t]/365.25 − peak))) (yearly spend seasonality),
 * x[t] *= weekdayProfile[weekday] (daily data), and x[t] = 0 with probability zeroShare
 * (an occasional paused period). One uniform is drawn per period whatever the options, so the
 * stream position does not depend on them.
 * @param rng seeded generator
 * @param days first day (day number) of each period, shape [nTimes]
 * @param common the pattern's shared knobs
 * @param x spend levels, shape [nTimes], modified in place
 * @returns `x`
 * @example applySpendModifiers(createRng(1), days, { mean: 1, zeroShare: 0 }, Float64Array.of(2, 3)) // [2, 3]
 */
export function applySpendModifiers(rng: Rng, days: Int32Array, common: SpendCommon, x: Float64Array): Float64Array {
  const season = common.seasonality;
  const profile = common.weekdayProfile;
  const zeroShare = common.zeroShare ?? 0;
  for (let t = 0; t < x.length; t++) {
    if (season !== undefined) x[t] *= Math.exp(season.amplitude * Math.cos(2 * Math.PI * (yearPhase(days[t]) - season.peak)));
    if (profile !== undefined) x[t] *= profile[weekdayOf(days[t])];
    if (rng.next() < zeroShare) x[t] = 0;
  }
  return x;
}
