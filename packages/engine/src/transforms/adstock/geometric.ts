import { checkParam } from '../check-param.ts';
import { checkMaxLag, checkWeightsOut } from './check-max-lag.ts';
import type { AdstockKernel, AdstockSpecOf } from './types.ts';

type GeometricSpec = AdstockSpecOf<'geometric'>;

function validate(spec: GeometricSpec): void {
  checkParam('geometric adstock', 'alpha', spec.alpha, 0, 1, false, true);
}

/**
 * Geometric adstock: w[l] = alpha^l, l = 0..maxLag (Jin et al. 2017, "Bayesian Methods for Media
 * Mix Modeling with Carryover and Shape Effects", eq. 1 with θ = 0). The effect halves every
 * ln(0.5) / ln(alpha) periods. Domain: 0 ≤ alpha < 1. Search: alpha in [0, 0.95], linear
 * (0.95 is a half-life of ≈ 13.5 periods, a quarter of a year of weekly data).
 * @example geometricAdstock.weights({ type: 'geometric', alpha: 0.5 }, 3) // [1, 0.5, 0.25, 0.125]
 */
export const geometricAdstock: AdstockKernel<GeometricSpec> = {
  type: 'geometric',
  label: 'Geometric',
  params: [
    { name: 'alpha', lower: 0, upper: 0.95, scale: 'linear', doc: 'Share of the effect carried into the next period (decay rate).' },
  ],
  fromVector(values: ArrayLike<number>, offset = 0): GeometricSpec {
    return { type: 'geometric', alpha: values[offset] };
  },
  toVector(spec: GeometricSpec): number[] {
    return [spec.alpha];
  },
  validate,
  weights(spec: GeometricSpec, maxLag: number, out?: Float64Array): Float64Array {
    validate(spec);
    checkMaxLag(maxLag);
    const w = out ?? new Float64Array(maxLag + 1);
    checkWeightsOut(w, maxLag);
    for (let l = 0; l <= maxLag; l++) w[l] = Math.pow(spec.alpha, l);
    return w;
  },
};

/**
 * Geometric adstock truncated at `maxLag`, in O(nTimes) by the recursion
 * y[t] = alpha·y[t−1] + x[t] − alpha^(maxLag+1)·x[t−maxLag−1]
 * (the last term drops the lag that falls out of the window), so that the result equals
 * `convolveLags(x, geometric weights)` up to round-off (≈ 1e-15 relative to max |y|).
 * With `normalised` every output is divided by Σ_{l=0}^{maxLag} alpha^l = (1 − alpha^(maxLag+1)) / (1 − alpha).
 * Arguments are trusted (validated by `applyAdstock`, the public entry point).
 * @param x series, shape [nTimes]
 * @param alpha decay rate in [0, 1)
 * @param maxLag longest lag kept (integer ≥ 0)
 * @param normalised divide by the weights' sum
 * @param out output, shape [nTimes]; must not share memory with `x`
 * @returns `out`
 * @example geometricRecursive(Float64Array.of(1, 0, 0, 0), 0.5, 2, false, new Float64Array(4)) // [1, 0.5, 0.25, 0]
 */
export function geometricRecursive(
  x: Float64Array,
  alpha: number,
  maxLag: number,
  normalised: boolean,
  out: Float64Array,
): Float64Array {
  const n = x.length;
  const tail = Math.pow(alpha, maxLag + 1);
  const scale = normalised ? (1 - alpha) / (1 - tail) : 1;
  const head = n < maxLag + 1 ? n : maxLag + 1;
  let y = 0;
  for (let t = 0; t < head; t++) {
    y = alpha * y + x[t];
    out[t] = y * scale;
  }
  for (let t = head; t < n; t++) {
    y = alpha * y + x[t] - tail * x[t - maxLag - 1];
    out[t] = y * scale;
  }
  return out;
}
