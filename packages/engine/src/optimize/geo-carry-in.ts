import type { SaturationKernel, SaturationSpec } from '../transforms/saturation/types.ts';
import { saturationSecond } from './curve.ts';
import type { PlanChannel } from './plan-types.ts';

/**
 * A geo-level channel's carry-in into a plan, per geo. The plan's own spend (and the spend after it) is
 * split across geos in proportion to their shares, so every geo sees the national level of it in
 * national-equivalent units (x·s_g / s_g), and only the carry-in differs: geo g's level at plan period t
 * is a_t + offsets[g][t], a_t the national level (the carry-in of the national history, which is the
 * share-weighted mean of the geos', plus the plan's part), and the channel's KPI Σ_g s_g·coef·f((a_t +
 * offsets[g][t])/scale), as channelContribution computes it on the history followed by the plan. From
 * t = L on the history no longer reaches and every geo is at a_t: the national curve.
 */
export interface GeoCarryIn {
  readonly shares: readonly number[];
  /** [nGeos] offsets for plan periods 0 … L − 1 (Σ_g s_g·offsets[g][t] = 0). */
  readonly offsets: readonly Float64Array[];
}

/** Σ_{l > t} w[l]·history[nh + t − l], the carry-in at plan periods t = 0 … L − 1. */
function carryIn(w: ArrayLike<number>, history: readonly number[]): Float64Array {
  const L = w.length - 1, nh = history.length, out = new Float64Array(L);
  for (let t = 0; t < L; t++) for (let l = t + 1; l <= L && nh + t - l >= 0; l++) out[t] += w[l] * history[nh + t - l];
  return out;
}

/**
 * The per-geo carry-in offsets of a channel with `geoHistory`, null for a national channel (or one
 * without carryover, L = 0).
 * @example geoCarryIn({ ...ch, weights: [0.5, 0.5], history: [4], geoHistory: { shares: [0.5, 0.5], history: [[1], [3]] } })?.offsets // [[-1], [1]]
 */
export function geoCarryIn(ch: PlanChannel): GeoCarryIn | null {
  const geo = ch.geoHistory;
  if (geo === undefined || ch.weights.length <= 1) return null;
  const national = carryIn(ch.weights, ch.history);
  const offsets = geo.history.map((h, g) => {
    const own = carryIn(ch.weights, h.map((v) => v / geo.shares[g]));
    for (let t = 0; t < own.length; t++) own[t] -= national[t];
    return own;
  });
  return { shares: geo.shares, offsets };
}

/**
 * Σ_g s_g·f(u_g), Σ_g s_g·f′(u_g) and (when `second`) Σ_g s_g·f″(u_g) at plan period t < L with
 * u_g = (a + offsets[g][t])·inv: the saturation terms of a geo-level channel (times coef: its KPI and
 * derivatives in a). u_g is clamped at 0 for the value (round-off below an empty geo) and at `uMin`
 * for the derivatives, as the national evaluators do.
 */
export function geoSaturation(gc: GeoCarryIn, t: number, a: number, inv: number, kernel: SaturationKernel, spec: SaturationSpec, uMin: number, second: boolean): { value: number; d1: number; d2: number } {
  let value = 0, d1 = 0, d2 = 0;
  for (let g = 0; g < gc.shares.length; g++) {
    const s = gc.shares[g], u = Math.max(0, (a + gc.offsets[g][t]) * inv), uu = u > uMin ? u : uMin;
    value += s * kernel.value(u, spec);
    d1 += s * kernel.derivative(uu, spec);
    if (second) d2 += s * saturationSecond(uu, spec);
  }
  return { value, d1, d2 };
}
