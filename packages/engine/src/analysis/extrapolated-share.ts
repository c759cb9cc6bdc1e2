import type { ChannelCurve } from '../model/channel-response.ts';
import { channelContribution } from '../model/channel-response.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';
import { observedSpendRange } from './observed-spend-range.ts';

/** How much of a channel's contribution lies below the lowest sustained spend level its data show. */
export interface ExtrapolatedShare {
  /** The lowest normalised adstocked spend over the rows (a sustained level per period, observedSpendRange). */
  readonly low: number;
  /** Mean spend per period over the rows, for scale. */
  readonly meanSpend: number;
  /** T · coef · f(low / scale) / Σ contribution over the rows, in [0, 1]. */
  readonly share: number;
}

/** Share above which the fit warns (UNOBSERVED_LOW_SPEND): most of the channel's credit is the curve's extrapolation. */
export const EXTRAPOLATED_SHARE_WARN = 0.5;

/**
 * The part of a channel's contribution over rows [start, end) that the data cannot check: the
 * response below the lowest sustained spend level the channel ever had there. Every period's
 * adstocked spend A_t is at least low = min A_t, so every period's contribution coef · f(A_t / scale)
 * contains coef · f(low / scale), the response of a level the data never went below; the share is
 * that floor summed over the rows, over the total (docs/model.md §12: ROI compares the KPI with zero
 * spend, and for an always-on channel the curve between zero and its lowest level is the model
 * family's guess, not an observation). For a geo-level model `low` is the lowest level of any geo
 * (observedSpendRange), so every geo's s_g·coef·f(A_g/scale) contains s_g·coef·f(low/scale) and the
 * floor still sums to coef·f(low/scale) per period.
 * @param ch a fitted channel (spend history, adstock, saturation, scale, coef)
 * @param start first row (inclusive); end last row (exclusive)
 * @returns null for a sparse channel (its dark periods show zero spend; SPARSE_SPEND speaks for it) or
 *   a contribution that is not positive
 * @example extrapolatedShare(alwaysOn, 0, 156)?.share // 0.63: most of its credit sits below the lowest level it spent at
 */
export function extrapolatedShare(ch: ChannelCurve, start: number, end: number): ExtrapolatedShare | null {
  const range = observedSpendRange(ch, start, end);
  if (range.sparse) return null;
  const contribution = channelContribution(ch);
  let total = 0, spend = 0;
  for (let t = start; t < end; t++) { total += contribution[t]; spend += ch.spend[t]; }
  if (!(total > 0)) return null;
  const floor = ch.coef * getSaturationKernel(ch.saturation.type).value(range.low / ch.scale, ch.saturation);
  return { low: range.low, meanSpend: spend / (end - start), share: Math.min(1, Math.max(0, (floor * (end - start)) / total)) };
}
