import { adstockWeights } from './adstock.ts';
import type { AdstockOptions, AdstockSpec } from './types.ts';

/** An adstocked series split into this period's effect and the effect carried over from earlier periods. */
export interface CarryoverSplitResult {
  /** total[t] = immediate[t] + carryover[t], the adstocked series; shape [nTimes]. */
  readonly total: Float64Array;
  /** immediate[t] = w[0]·x[t]; shape [nTimes]. */
  readonly immediate: Float64Array;
  /** carryover[t] = Σ_{l=1}^{min(maxLag, t)} w[l]·x[t−l]; shape [nTimes]. */
  readonly carryover: Float64Array;
}

/**
 * The lag-0 weight w[0] of an adstock (after normalisation when `options.normalised`): the share of
 * one unit of spend's adstocked mass that lands in the period it is spent.
 * @throws EngineError('UNKNOWN_KERNEL' | 'INVALID_ARGUMENT') as `adstockWeights`
 * @example immediateWeight({ type: 'geometric', alpha: 0.5 }, { maxLag: 3, normalised: true }) // 1 / 1.875 = 0.5333…
 */
export function immediateWeight(spec: AdstockSpec, options: AdstockOptions): number {
  return adstockWeights(spec, options.maxLag, options.normalised)[0];
}

/**
 * Split an adstocked series into its immediate part w[0]·x[t] and its carryover
 * Σ_{l=1}^{min(maxLag, t)} w[l]·x[t−l] (weights normalised when `options.normalised`), computed by
 * direct convolution so both parts are ≥ 0 for spend ≥ 0; total = immediate + carryover equals
 * `applyAdstock` up to round-off. O(nTimes·maxLag): meant for reporting, not the search loop.
 * @param x series (e.g. spend), shape [nTimes]
 * @param spec the adstock spec
 * @param options maxLag (integer ≥ 0, periods) and normalised
 * @returns new arrays, each of shape [nTimes]
 * @throws EngineError('UNKNOWN_KERNEL' | 'INVALID_ARGUMENT') as `adstockWeights`
 * @example carryoverSplit(Float64Array.of(1, 1), { type: 'geometric', alpha: 0.5 }, { maxLag: 1, normalised: false })
 * // { total: [1, 1.5], immediate: [1, 1], carryover: [0, 0.5] }
 */
export function carryoverSplit(x: Float64Array, spec: AdstockSpec, options: AdstockOptions): CarryoverSplitResult {
  const w = adstockWeights(spec, options.maxLag, options.normalised);
  const last = w.length - 1;
  const n = x.length;
  const total = new Float64Array(n);
  const immediate = new Float64Array(n);
  const carryover = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const top = t < last ? t : last;
    let s = 0;
    for (let l = 1; l <= top; l++) s += w[l] * x[t - l];
    immediate[t] = w[0] * x[t];
    carryover[t] = s;
    total[t] = immediate[t] + s;
  }
  return { total, immediate, carryover };
}
