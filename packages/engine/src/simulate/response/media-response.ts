import { activeRows, channelScale } from '../../design/channel-scale.ts';
import { EngineError } from '../../errors.ts';
import { applyAdstock } from '../../transforms/adstock/adstock.ts';
import { carryoverSplit } from '../../transforms/adstock/carryover-split.ts';
import { getSaturationKernel } from '../../transforms/saturation/registry.ts';
import type { AdstockSpec } from '../../transforms/adstock/types.ts';
import type { SaturationSpec } from '../../transforms/saturation/types.ts';

/** The true media transform of one channel. */
export interface MediaTransform {
  readonly adstock: AdstockSpec;
  readonly maxLag: number;
  readonly saturation: SaturationSpec;
}

/** A channel's true saturated response (before beta) and how much of it is immediate. */
export interface MediaResponse {
  /** a[t] = adstock(spend)[t] with normalised weights; shape [nTimes]. */
  readonly adstocked: Float64Array;
  /** Mean of a over the periods where a > 0. */
  readonly scale: number;
  /** s[t] = f(a[t] / scale); shape [nTimes]. */
  readonly saturated: Float64Array;
  /** w[0]·spend[t] / a[t] (0 where a = 0): the share of a[t] from this period's own spend; shape [nTimes]. */
  readonly immediateFraction: Float64Array;
}

/**
 * The channel scale of the truth convention: the mean adstocked spend over the channel's active rows
 * (channelScale, activeRows: positive spend within maxLag rows before), the rule the fitted model uses.
 * @param a adstocked spend, shape [nTimes]
 * @param spend the spend it was adstocked from, shape [nTimes]
 * @param maxLag the adstock's maximum lag
 * @throws EngineError('INVALID_ARGUMENT') when no spend is positive
 * @example activeMean(Float64Array.of(0, 2, 4), Float64Array.of(0, 2, 4), 0) // 3
 */
export function activeMean(a: Float64Array, spend: Float64Array, maxLag: number): number {
  const scale = channelScale(a, activeRows(spend, maxLag));
  if (Number.isNaN(scale)) throw new EngineError('INVALID_ARGUMENT', 'simulate: a channel has no positive adstocked spend');
  return scale;
}

/**
 * s[t] = f(a[t] / scale) where a = adstock(multiplier·spend) with normalised weights, starting from
 * zero carryover at t = 0 (the truth convention shared with the fitted model).
 * @param spend spend series, shape [nTimes]
 * @param transform adstock, maxLag and saturation
 * @param scale the channel scale (fixed: it does not move with the multiplier)
 * @param multiplier factor applied to the whole spend series (1 = as simulated)
 * @returns shape [nTimes]
 * @throws EngineError from the kernels for invalid specs
 * @example saturatedResponse(Float64Array.of(2, 2), { adstock: { type: 'geometric', alpha: 0 }, maxLag: 0,
 *   saturation: { type: 'hill', halfSaturation: 1, shape: 1 } }, 2) // [0.5, 0.5]
 */
export function saturatedResponse(spend: Float64Array, transform: MediaTransform, scale: number, multiplier = 1): Float64Array {
  const x = multiplier === 1 ? spend : spend.map((v) => v * multiplier);
  const a = applyAdstock(x, transform.adstock, { maxLag: transform.maxLag, normalised: true });
  for (let t = 0; t < a.length; t++) a[t] /= scale;
  getSaturationKernel(transform.saturation.type).apply(a, transform.saturation, a);
  return a;
}

/**
 * The true response of one channel under the truth convention: normalised adstock from zero
 * carryover, scale = mean adstocked spend over the active rows (activeMean), then saturation of a / scale.
 * @param spend spend series, shape [nTimes], ≥ 0 with at least one positive entry
 * @param transform adstock, maxLag and saturation
 * @returns adstocked series, scale, saturated response and the immediate fraction per period
 * @throws EngineError('INVALID_ARGUMENT') when all spend is zero, or from the kernels
 * @example mediaResponse(Float64Array.of(1, 0), { adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 1,
 *   saturation: { type: 'hill', halfSaturation: 1, shape: 1 } }).scale // (2/3 + 1/3) / 2 = 0.5
 */
export function mediaResponse(spend: Float64Array, transform: MediaTransform): MediaResponse {
  const split = carryoverSplit(spend, transform.adstock, { maxLag: transform.maxLag, normalised: true });
  const scale = activeMean(split.total, spend, transform.maxLag);
  const saturated = saturatedResponse(spend, transform, scale);
  const immediateFraction = new Float64Array(spend.length);
  for (let t = 0; t < spend.length; t++) {
    immediateFraction[t] = split.total[t] > 0 ? Math.min(1, split.immediate[t] / split.total[t]) : 0;
  }
  return { adstocked: split.total, scale, saturated, immediateFraction };
}
