import type { AdstockKernel, AdstockSpecOf } from './types.ts';
import { weibullKernel } from './weibull-kernel.ts';

/**
 * Weibull-CDF adstock: w[l] = 1 − F(l; shape, scale) = exp(−(l / scale)^shape), l = 0..maxLag, the
 * Weibull survival function (the share of the effect still active at lag l; w[0] = 1). This is the
 * "weibull_cdf" adstock of Meta's Robyn, here with `scale` in periods rather than a quantile of the
 * window. Domain: shape > 0, scale > 0.
 *
 * Search bounds (weekly data, lags of 1 week to ~6 months reachable):
 * - shape in [0.3, 5], linear: < 1 gives a fast drop then a long tail, > 1 a plateau then a
 *   sharp drop (shape 1 is geometric with alpha = e^(−1/scale)).
 * - scale in [0.5, 30] periods, log: the lag at which e^(−1) ≈ 37% survives. At 0.5 the effect
 *   is almost all immediate (w[1] ≈ 0.02 for shape 2); at 30 with shape 5 half the effect survives
 *   to ≈ 28 weeks (median scale·ln(2)^(1/shape)).
 * @example weibullCdfAdstock.weights({ type: 'weibull-cdf', shape: 1, scale: 1 }, 2) // [1, e^-1, e^-2]
 */
export const weibullCdfAdstock: AdstockKernel<AdstockSpecOf<'weibull-cdf'>> = weibullKernel(
  'weibull-cdf',
  'Weibull CDF',
  [
    { name: 'shape', lower: 0.3, upper: 5, scale: 'linear', doc: 'Weibull shape: < 1 long tail, > 1 plateau then sharp decay.' },
    { name: 'scale', lower: 0.5, upper: 30, scale: 'log', doc: 'Weibull scale in periods: lag at which 37% of the effect remains.' },
  ],
  (w, maxLag, k, logScale, logs) => {
    w[0] = 1;
    // (l/λ)^k as e^(k(ln l − ln λ)) with a table of ln l: ≈ 3× faster than Math.pow.
    for (let l = 1; l <= maxLag; l++) w[l] = Math.exp(-Math.exp(k * (logs[l] - logScale)));
  },
);
