import { adstockWeights } from '../transforms/adstock/adstock.ts';
import type { AdstockSpec } from '../transforms/adstock/types.ts';
import type { MmmModel } from '../model/mmm-model.ts';
import { periodWord } from '../text/period-word.ts';

/** When a period's spend has its effect, in lags (periods after the spend; lag 0 is the period of the spend itself). */
export interface EffectTiming {
  /** The lag with the largest carryover weight (the earliest of equal ones). */
  readonly peakLag: number;
  /** The first lag by which half of the effect has landed (cumulative weight share ≥ 0.5). */
  readonly lag50: number;
  /** The first lag by which 90% of the effect has landed (cumulative weight share ≥ 0.9). */
  readonly lag90: number;
}

/** Round-off allowance in the cumulative share, so a share of exactly 0.5 in exact arithmetic counts as reached. */
const SHARE_TOLERANCE = 1e-12;

/**
 * When a channel's effect lands: the peak and the 50% and 90% points of its carryover kernel, read off
 * the lag weights w[0..maxLag] the model applies (each kernel's own shape, truncated at maxLag, so the
 * shares are of the kept weights, normalised or not). These describe the adstock, a linear spreading
 * of spend: saturation acts on the adstocked sum afterwards, so the share of the KPI effect that lands
 * by a lag equals the kernel's weight share only approximately (exactly when the curve is linear over
 * the spend levels involved; a saturated channel's later lags add to an already high level and count
 * for a little less).
 * Closed forms: geometric with decay a peaks at lag 0 and (untruncated) has landed
 * 1 − a^(L+1) by lag L, so lag50 is the smallest L with a^(L+1) ≤ 0.5; delayed peaks at its
 * `delay` rounded to the nearer lag.
 * @param adstock the channel's fitted adstock spec
 * @param maxLag the longest lag kept (an integer ≥ 0)
 * @returns the three lags, integers in [0, maxLag]
 * @throws EngineError('INVALID_ARGUMENT') for a bad spec or maxLag (from the kernel)
 * @example effectTiming({ type: 'geometric', alpha: 0.5 }, 13) // { peakLag: 0, lag50: 0, lag90: 3 }
 */
export function effectTiming(adstock: AdstockSpec, maxLag: number): EffectTiming {
  const w = adstockWeights(adstock, maxLag, true);
  let peakLag = 0;
  for (let l = 1; l < w.length; l++) if (w[l] > w[peakLag]) peakLag = l;
  let lag50 = -1, lag90 = -1, cum = 0;
  for (let l = 0; l < w.length && lag90 < 0; l++) {
    cum += w[l];
    if (lag50 < 0 && cum >= 0.5 - SHARE_TOLERANCE) lag50 = l;
    if (cum >= 0.9 - SHARE_TOLERANCE) lag90 = l;
  }
  // The normalised weights sum to 1, so both are reached by maxLag; guard against round-off all the same.
  return { peakLag, lag50: lag50 < 0 ? maxLag : lag50, lag90: lag90 < 0 ? maxLag : lag90 };
}

/** A channel's effect timing as summary.json records it (ChannelSummary.effect_timing), in the data's periods. */
export interface ChannelEffectTiming {
  readonly peak_lag: number;
  readonly lag_50: number;
  readonly lag_90: number;
  readonly period: 'week' | 'day';
}

/**
 * Channel k's effect timing as summary.json records it: effectTiming of its fitted adstock, with the
 * data's period word.
 * @param model the fitted model
 * @param k the channel's index
 * @example channelEffectTiming(model, 0) // { peak_lag: 0, lag_50: 0, lag_90: 3, period: 'week' }
 */
export function channelEffectTiming(model: { readonly channels: readonly Pick<MmmModel['channels'][number], 'adstock' | 'maxLag'>[]; readonly frequency: MmmModel['frequency'] }, k: number): ChannelEffectTiming {
  const ch = model.channels[k];
  const t = effectTiming(ch.adstock, ch.maxLag);
  return { peak_lag: t.peakLag, lag_50: t.lag50, lag_90: t.lag90, period: periodWord(model.frequency) };
}
