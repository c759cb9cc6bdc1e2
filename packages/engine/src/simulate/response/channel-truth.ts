import type { MediaResponse, MediaTransform } from './media-response.ts';
import { saturatedResponse } from './media-response.ts';

/** Step of the central finite difference on the spend multiplier used for marginal ROI. */
export const MROI_STEP = 1e-3;

/** Maps a first-stage per-period contribution (window, shape [nTimes]) to the final target. */
export type StageMap = (x: Float64Array) => Float64Array;

/** True per-period contribution and summary numbers of one channel in the final target's units. */
export interface ChannelTruthValues {
  /** contribution[t] in target units; shape [nTimes]. */
  readonly contribution: Float64Array;
  readonly spend: number;
  readonly total: number;
  readonly roi: number;
  readonly mroi: number;
  readonly immediateShare: number;
}

function sum(x: Float64Array): number {
  let s = 0;
  for (let t = 0; t < x.length; t++) s += x[t];
  return s;
}

/**
 * A channel's true contribution, ROI, marginal ROI and immediate share.
 *
 * - contribution = map(beta·s), s the saturated response (map = identity for one-stage KPIs)
 * - ROI = Σ_t contribution[t] / Σ_t spend[t]
 * - marginal ROI = C'(1) / Σ spend with C(m) = Σ_t map(beta·f(adstock(m·spend)/scale))[t] the total
 *   contribution when the whole spend series is multiplied by m (scale held fixed), by the central
 *   difference (C(1 + h) − C(1 − h)) / 2h with h = MROI_STEP (error O(h²), ≈ 1e-6 relative).
 *   It is the return of one more unit of spend spread like current spend.
 * - immediate share = Σ map(beta·s·φ) / Σ contribution, φ[t] = w[0]·spend[t] / a[t]: each period's
 *   response is split between own-period spend and carryover in proportion to their shares of the
 *   adstocked input (the attribution Robyn uses for its immediate/carryover split).
 * @param driver the series the true transform acts on (the spend, or exposure), shape [nTimes]
 * @param transform the true adstock/saturation
 * @param response the channel's `mediaResponse`
 * @param beta first-stage KPI units per unit of saturated response
 * @param map first stage → final target (identity when there is one stage)
 * @param spend the spend series ROIs are taken on (default the driver); scaling it scales the driver
 * @returns per-period contribution (shape [nTimes]) and the totals
 * @example // beta 10, s ≡ 0.5 over 2 periods, spend 1 each, identity map: ROI = 10·0.5·2 / 2 = 5
 */
export function channelTruth(
  driver: Float64Array,
  transform: MediaTransform,
  response: MediaResponse,
  beta: number,
  map: StageMap,
  spend: Float64Array = driver,
): ChannelTruthValues {
  const n = driver.length;
  const first = new Float64Array(n);
  const immediateFirst = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    first[t] = beta * response.saturated[t];
    immediateFirst[t] = first[t] * response.immediateFraction[t];
  }
  const contribution = map(first);
  const total = sum(contribution);
  const spendTotal = sum(spend);
  const at = (m: number): number => {
    const s = saturatedResponse(driver, transform, response.scale, m);
    for (let t = 0; t < n; t++) s[t] *= beta;
    return sum(map(s));
  };
  const h = MROI_STEP;
  const mroi = (at(1 + h) - at(1 - h)) / (2 * h) / spendTotal;
  return {
    contribution,
    spend: spendTotal,
    total,
    roi: total / spendTotal,
    mroi,
    immediateShare: total === 0 ? 0 : sum(map(immediateFirst)) / total,
  };
}
