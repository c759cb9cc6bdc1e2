import type { SpendRange } from '../analysis/observed-spend-range.ts';
import type { PlanChannel } from './plan-types.ts';

/**
 * The lowest and highest adstocked spend level a plan gives a channel inside its window:
 * a_t = Σ_l w[l]·s[t − l] for t = 0 … H − 1, s the history before the plan, then the plan (as in
 * `planValue`). With normalised weights a_t is in sustained-spend units, so it compares directly with
 * the channel's observed range (`observedSpendRange`): a plan that drives a_t outside it relies on the
 * fitted curve extrapolated, whatever the per-period spends look like.
 * @param ch the channel's weights and history
 * @param x the plan's spend [H × nChannels] row-major
 * @param c the channel's column; nChannels the row width; periods H
 * @returns { low, high } over the window
 * @example planLevels({ weights: [0.5, 0.5], history: [10] }, Float64Array.of(30), 0, 1, 1) // { low: 20, high: 20 }
 */
export function planLevels(ch: Pick<PlanChannel, 'weights' | 'history'>, x: Float64Array, c: number, nChannels: number, periods: number): SpendRange {
  const w = ch.weights, L = w.length - 1, hist = ch.history, nh = hist.length;
  let low = Infinity, high = -Infinity;
  for (let t = 0; t < periods; t++) {
    let a = 0;
    for (let l = 0; l <= L; l++) {
      const s = t - l;
      if (s >= 0) a += w[l] * x[s * nChannels + c];
      else if (nh + s >= 0) a += w[l] * hist[nh + s];
      else break;
    }
    if (a < low) low = a;
    if (a > high) high = a;
  }
  return { low, high };
}
