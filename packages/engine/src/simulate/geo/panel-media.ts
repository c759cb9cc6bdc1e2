import { carryoverSplit } from '../../transforms/adstock/carryover-split.ts';
import type { MediaTransform } from '../response/media-response.ts';
import { saturatedResponse } from '../response/media-response.ts';
import { MROI_STEP } from '../response/channel-truth.ts';

/**
 * A channel's response in each geo under the geo-level model (spec/panel.ts), before its coefficient:
 * r_g[t] = s_g·f(A(m·x_g / s_g)[t] / scale), the geo's spend per unit of size adstocked (normalised
 * weights, zero carryover at t = 0) and saturated with the channel's shared curve and national scale.
 * @param spend per-geo spend [nGeos][nTimes]
 * @param sizes geo sizes s_g [nGeos], Σ = 1
 * @param transform the channel's adstock, maxLag and saturation
 * @param scale the channel's scale in national units
 * @param multiplier factor on every geo's spend (1 = as simulated; marginal ROI moves it)
 * @returns [nGeos][nTimes]
 * @example // one geo of size 1 is the national response: panelResponse([x], [1], tr, scale)[0] equals saturatedResponse(x, tr, scale)
 */
export function panelResponse(spend: readonly Float64Array[], sizes: ArrayLike<number>, transform: MediaTransform, scale: number, multiplier = 1): Float64Array[] {
  return spend.map((x, g) => {
    const s = sizes[g];
    const r = saturatedResponse(x.map((v) => v / s), transform, scale, multiplier);
    for (let t = 0; t < r.length; t++) r[t] *= s;
    return r;
  });
}

/**
 * Per geo and period, the share of the adstocked input that is this period's own spend
 * (w[0]·x[t] / A(x)[t], 0 where A = 0): splits each geo's response into immediate and carryover
 * parts as the national truth does (channelTruth's immediate share).
 * @param spend per-geo spend [nGeos][nTimes]
 * @param transform the channel's adstock and maxLag
 * @returns [nGeos][nTimes] fractions in [0, 1]
 */
export function panelImmediateFraction(spend: readonly Float64Array[], transform: MediaTransform): Float64Array[] {
  return spend.map((x) => {
    const split = carryoverSplit(x, transform.adstock, { maxLag: transform.maxLag, normalised: true });
    return Float64Array.from(split.total, (a, t) => (a > 0 ? Math.min(1, split.immediate[t] / a) : 0));
  });
}

/**
 * A channel's true national marginal ROI on a panel: C'(1) / Σ spend, C(m) = β·Σ_g Σ_t r_g[t] with every
 * geo's spend times m (panelResponse), by the central difference of step MROI_STEP as channelTruth does.
 * @param spend per-geo spend [nGeos][nTimes]
 * @param sizes s_g [nGeos]
 * @param transform the channel's curve
 * @param scale national scale
 * @param beta the shared coefficient
 * @returns contribution per extra unit of spend spread like the current spend
 */
export function panelMarginalRoi(spend: readonly Float64Array[], sizes: ArrayLike<number>, transform: MediaTransform, scale: number, beta: number): number {
  const total = (m: number): number => {
    let s = 0;
    for (const r of panelResponse(spend, sizes, transform, scale, m)) for (let t = 0; t < r.length; t++) s += r[t];
    return s * beta;
  };
  let spent = 0;
  for (const x of spend) for (let t = 0; t < x.length; t++) spent += x[t];
  return (total(1 + MROI_STEP) - total(1 - MROI_STEP)) / (2 * MROI_STEP) / spent;
}

/**
 * Share of a channel's panel contribution that comes from same-period spend: Σ_g Σ_t c_g[t]·φ_g[t] / Σ c,
 * φ from panelImmediateFraction (0 when the channel contributes nothing).
 * @param spend per-geo spend [nGeos][nTimes]
 * @param transform the channel's adstock and maxLag
 * @param contribution per-geo contribution [nGeos][nTimes]
 */
export function panelImmediateShare(spend: readonly Float64Array[], transform: MediaTransform, contribution: readonly Float64Array[]): number {
  const phi = panelImmediateFraction(spend, transform);
  let immediate = 0, total = 0;
  contribution.forEach((c, g) => { for (let t = 0; t < c.length; t++) { immediate += c[t] * phi[g][t]; total += c[t]; } });
  return total === 0 ? 0 : immediate / total;
}
