import { getSaturationKernel } from '../transforms/saturation/registry.ts';
import type { PlanChannel } from './plan-types.ts';
import { afterPlanKpi, U_MIN } from './plan-evaluator.ts';
import { geoCarryIn, geoSaturation } from './geo-carry-in.ts';

/** Media KPI of a plan inside the window and after it, per channel. */
export interface PlanValue {
  readonly window: Float64Array;
  readonly carryOut: Float64Array;
  /**
   * Lowest and highest adstocked level a_t inside the window (t < H), per channel: with normalised
   * weights these are in sustained-spend units, comparable with the channel's observed range.
   */
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/**
 * Media KPI of a multi-period plan and its gradient. For channel c with normalised lag weights w
 * (maxLag L), the adstocked level at plan period t (t = 0 … H + L − 1) is
 * a_t = Σ_l w[l]·s[t − l], s the history before the plan, then the plan x[·, c], then the spend after
 * it (`after`, default 0); the KPI is coef·f(a_t / scale) (as in `channelContribution`), and the
 * carry-out is the KPI after the window minus what the spend after it earns alone (`afterPlanKpi`). Adstock is linear, so
 * ∂KPI_t/∂x[s, c] = coef·f'(a_t/scale)·w[t − s]/scale and the gradient is a correlation of
 * g_t = coef·f'(a_t/scale)/scale·mask_t with w, mask_t = 1 inside the window and, for the 'total'
 * objective, after it. O(nChannels·(H + L)·min(L + 1, H)). Lags whose weight is exactly 0 (the
 * tail of a fitted Weibull adstock) add nothing; where a_t = 0 and f'(0) = +∞ (Hill shape < 1) the
 * gradient uses f'(1e-9), a finite stand-in, so it never holds ∞ or NaN (∞·0). A geo-level channel
 * (`geoHistory`) sums its geos' curves while their carry-in differs (geoCarryIn), as channelContribution does.
 * @param channels [nChannels]; x plan spend [H × nChannels] row-major (period-major)
 * @param periods H; grad optional output [H × nChannels]; includeCarryOut whether the gradient counts t ≥ H
 * @returns window and carry-out KPI per channel [nChannels]
 * @example planValue(channels, x, 13).window[0] // channel 0's KPI summed over the 13 plan periods
 */
export function planValue(channels: readonly PlanChannel[], x: Float64Array, periods: number, grad?: Float64Array, includeCarryOut = true): PlanValue {
  const nC = channels.length, H = periods;
  const window = new Float64Array(nC), carryOut = new Float64Array(nC);
  const low = new Float64Array(nC).fill(Infinity), high = new Float64Array(nC).fill(-Infinity);
  for (let c = 0; c < nC; c++) {
    const ch = channels[c];
    const w = ch.weights, L = w.length - 1, hist = ch.history, nh = hist.length;
    const kernel = getSaturationKernel(ch.saturation.type), spec = ch.saturation;
    const inv = 1 / ch.scale, after = ch.after ?? 0;
    const T = H + L;
    const g = grad ? new Float64Array(T) : null;
    const geo = geoCarryIn(ch);
    let win = 0, out = 0;
    for (let t = 0; t < T; t++) {
      let a = 0;
      for (let l = 0; l <= L; l++) {
        const s = t - l;
        if (s >= H) a += w[l] * after;
        else if (s >= 0) a += w[l] * x[s * nC + c];
        else if (nh + s >= 0) a += w[l] * hist[nh + s];
        else break;
      }
      const u = a * inv;
      // A geo-level channel's geos differ in carry-in for t < L: sum their curves (geoCarryIn).
      const gs = geo !== null && t < L ? geoSaturation(geo, t, a, inv, kernel, spec, U_MIN, false) : null;
      const v = ch.coef * (gs === null ? kernel.value(u, spec) : gs.value);
      if (t < H) {
        win += v;
        if (a < low[c]) low[c] = a;
        if (a > high[c]) high[c] = a;
      } else out += v;
      // f'(0) = +∞ for Hill shapes < 1: use the slope at a tiny positive level instead, so the gradient stays finite.
      if (g && (t < H || includeCarryOut)) g[t] = ch.coef * (gs === null ? kernel.derivative(u > U_MIN ? u : U_MIN, spec) : gs.d1) * inv;
    }
    window[c] = win; carryOut[c] = out - afterPlanKpi(ch, H);
    if (grad && g) {
      for (let s = 0; s < H; s++) {
        let d = 0;
        for (let l = 0; l <= L && s + l < T; l++) if (w[l] !== 0) d += g[s + l] * w[l];
        grad[s * nC + c] = d;
      }
    }
  }
  return { window, carryOut, low, high };
}
