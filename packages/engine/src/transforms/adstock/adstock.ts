/**
 * Applying adstock (carryover) to a series.
 *
 * ## Normalised vs unnormalised weights
 *
 * Every kernel returns raw weights w[0..maxLag]. `normalised` picks one of two conventions:
 *
 * - **Normalised** (w / Σw, so Σw = 1): one unit of spend yields exactly one unit of adstocked mass,
 *   spread over the current and the next maxLag periods. The adstocked series is a smoothed (and,
 *   for delayed and Weibull-PDF kernels, shifted) copy of spend on the same scale: its sum over a
 *   long enough series equals total spend, and its level does not move when the carryover
 *   parameters change. Saturation parameters (half-saturation points, in units of the channel's
 *   typical spend) therefore mean the same thing whatever the decay, and the carryover and shape
 *   parameters are far less confounded in the search. This is the recommended default, and the
 *   only sensible one for Weibull-PDF, whose raw weights are a density with arbitrary level.
 * - **Unnormalised** (raw weights): for geometric and Weibull-CDF w[0] = 1, so the adstocked series
 *   is this period's spend plus the carryover of earlier spend (Jin et al. 2017; Robyn's geometric
 *   adstock). Its level is inflated by Σw (up to 1 / (1 − alpha) for geometric), so a higher decay
 *   also pushes the series further along the saturation curve: saturation parameters are read in
 *   "spend plus accumulated carryover" units and change meaning with the decay.
 *
 * When every raw weight is 0 (only possible through underflow at extreme parameters) normalising
 * falls back to w = [1, 0, …, 0]: no carryover, rather than NaN. Unnormalised zero weights stay 0.
 */
import { EngineError } from '../../errors.ts';
import { checkMaxLag } from './check-max-lag.ts';
import { convolveInto, prepareOut } from './convolve-lags.ts';
import { geometricRecursive, geometricAdstock } from './geometric.ts';
import { getAdstockKernel } from './registry.ts';
import type { AdstockOptions, AdstockSpec } from './types.ts';

/**
 * Divide w[0..n−1] by its sum in place (fallback [1, 0, …] when the sum is 0).
 * @throws EngineError('NON_FINITE') when the sum is not finite
 * @example normaliseWeights(Float64Array.of(1, 3), 2) // [0.25, 0.75]
 */
export function normaliseWeights(w: Float64Array, n: number): Float64Array {
  let sum = 0;
  for (let l = 0; l < n; l++) sum += w[l];
  if (!Number.isFinite(sum)) throw new EngineError('NON_FINITE', `adstock: weights sum to ${sum}`);
  if (sum === 0) {
    w[0] = 1;
    return w;
  }
  for (let l = 0; l < n; l++) w[l] /= sum;
  return w;
}

/**
 * Lag weights w[0..maxLag] of an adstock spec, raw or normalised to sum to 1 (see the conventions
 * at the top of this file).
 * @param spec the adstock spec
 * @param maxLag longest lag kept, an integer in [0, 10000] (periods)
 * @param normalised divide the weights by their sum
 * @returns weights, shape [maxLag + 1], all ≥ 0
 * @throws EngineError('UNKNOWN_KERNEL') for an unknown spec type
 * @throws EngineError('INVALID_ARGUMENT') for a bad maxLag or parameter
 * @example adstockWeights({ type: 'geometric', alpha: 0.5 }, 3, true)
 * // [1, 0.5, 0.25, 0.125] / 1.875 = [0.5333…, 0.2666…, 0.1333…, 0.0666…]
 */
export function adstockWeights(spec: AdstockSpec, maxLag: number, normalised: boolean): Float64Array {
  const w = getAdstockKernel(spec.type).weights(spec, maxLag);
  return normalised ? normaliseWeights(w, w.length) : w;
}

let scratch = new Float64Array(128);

/**
 * Adstock a series: out[t] = Σ_{l=0}^{min(maxLag, t)} w[l]·x[t−l] with the spec's (optionally
 * normalised) weights, over the whole series (pass pre-window history, slice afterwards).
 * Geometric specs use an O(nTimes) recursion truncated at exactly maxLag (equal to the convolution
 * up to round-off, ≈ 1e-15 relative); the others an O(nTimes·maxLag) convolution that skips
 * trailing zero weights. No allocation when `out` is given (weights go to a reused scratch buffer).
 * @param x series (e.g. spend), shape [nTimes]
 * @param spec the adstock spec
 * @param options maxLag (integer in [0, 10000], periods) and normalised
 * @param out optional output, shape [nTimes]; must not share memory with `x`
 * @returns `out` (or a new array), shape [nTimes]
 * @throws EngineError('UNKNOWN_KERNEL') for an unknown spec type
 * @throws EngineError('INVALID_ARGUMENT') for a bad maxLag, parameter, or an `out` overlapping `x`
 * @throws EngineError('SHAPE_MISMATCH') when `out.length !== x.length`
 * @example applyAdstock(Float64Array.of(1, 0, 0, 0), { type: 'geometric', alpha: 0.5 }, { maxLag: 3, normalised: false })
 * // [1, 0.5, 0.25, 0.125]
 */
export function applyAdstock(
  x: Float64Array,
  spec: AdstockSpec,
  options: AdstockOptions,
  out?: Float64Array,
): Float64Array {
  const maxLag = options.maxLag;
  checkMaxLag(maxLag);
  const y = prepareOut(x, out, 'applyAdstock');
  if (spec.type === 'geometric') {
    geometricAdstock.validate(spec);
    return geometricRecursive(x, spec.alpha, maxLag, options.normalised, y);
  }
  const kernel = getAdstockKernel(spec.type);
  if (scratch.length < maxLag + 1) scratch = new Float64Array(Math.max(maxLag + 1, 2 * scratch.length));
  const w = kernel.weights(spec, maxLag, scratch);
  let nWeights = maxLag + 1;
  if (options.normalised) normaliseWeights(w, nWeights);
  while (nWeights > 1 && w[nWeights - 1] === 0) nWeights--;
  return convolveInto(x, w, nWeights, y);
}
