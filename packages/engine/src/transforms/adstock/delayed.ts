import { checkParam } from '../check-param.ts';
import { checkMaxLag, checkWeightsOut } from './check-max-lag.ts';
import type { AdstockKernel, AdstockSpecOf } from './types.ts';

type DelayedSpec = AdstockSpecOf<'delayed'>;

function validate(spec: DelayedSpec): void {
  checkParam('delayed adstock', 'alpha', spec.alpha, 0, 1, true, true);
  checkParam('delayed adstock', 'delay', spec.delay, 0, Infinity, false, true);
}

/**
 * Delayed adstock: w[l] = alpha^((l − delay)^2), l = 0..maxLag, peaking at lag `delay` (Jin et al.
 * 2017, "Bayesian Methods for Media Mix Modeling with Carryover and Shape Effects", eq. 1, θ = delay).
 * Domain: 0 < alpha < 1, delay ≥ 0 (need not be an integer). Search: alpha in [0.05, 0.95] and
 * delay in [0, 12] periods, both linear (a peak up to a quarter after weekly spend).
 * @example delayedAdstock.weights({ type: 'delayed', alpha: 0.5, delay: 1 }, 3) // [0.5, 1, 0.5, 0.0625]
 */
export const delayedAdstock: AdstockKernel<DelayedSpec> = {
  type: 'delayed',
  label: 'Delayed',
  params: [
    { name: 'alpha', lower: 0.05, upper: 0.95, scale: 'linear', doc: 'Retention: how slowly the effect fades either side of the peak.' },
    { name: 'delay', lower: 0, upper: 12, scale: 'linear', doc: 'Lag (in periods) at which the effect peaks.' },
  ],
  fromVector(values: ArrayLike<number>, offset = 0): DelayedSpec {
    return { type: 'delayed', alpha: values[offset], delay: values[offset + 1] };
  },
  toVector(spec: DelayedSpec): number[] {
    return [spec.alpha, spec.delay];
  },
  validate,
  weights(spec: DelayedSpec, maxLag: number, out?: Float64Array): Float64Array {
    validate(spec);
    checkMaxLag(maxLag);
    const w = out ?? new Float64Array(maxLag + 1);
    checkWeightsOut(w, maxLag);
    const logAlpha = Math.log(spec.alpha);
    for (let l = 0; l <= maxLag; l++) {
      const d = l - spec.delay;
      w[l] = Math.exp(logAlpha * d * d);
    }
    return w;
  },
};
