import type { AdstockKernel, AdstockSpecOf } from './types.ts';
import { weibullKernel } from './weibull-kernel.ts';

/**
 * Weibull-PDF adstock: w[l] = f(l + 1; shape, scale), l = 0..maxLag, with f the Weibull density
 * f(x) = (k/λ)(x/λ)^(k−1) e^(−(x/λ)^k) (k = shape, λ = scale in periods). The shift by one keeps
 * f finite at lag 0 when shape < 1. Like Robyn's "weibull_pdf" adstock, but with an absolute scale.
 * The raw weights are a density, not 1 at lag 0, so this family is meant to be used normalised.
 * Computed in log space so extreme parameters underflow to 0 instead of giving NaN.
 * Domain: shape > 0, scale > 0.
 *
 * Search bounds (weekly data, peaks from lag 0 to ~6 months reachable):
 * - shape in [0.5, 8], linear: ≤ 1 decays from lag 0; > 1 peaks at the density's mode
 *   λ((k−1)/k)^(1/k) − 1 periods; large shapes give a narrow peak.
 * - scale in [0.5, 30] periods, log: at 0.5 nearly all mass is at lag 0; at 30 with shape 8 the
 *   peak is at lag ≈ 28.5 (about 6.5 months of weekly data).
 * @example weibullPdfAdstock.weights({ type: 'weibull-pdf', shape: 1, scale: 1 }, 1) // [e^-1, e^-2]
 */
export const weibullPdfAdstock: AdstockKernel<AdstockSpecOf<'weibull-pdf'>> = weibullKernel(
  'weibull-pdf',
  'Weibull PDF',
  [
    { name: 'shape', lower: 0.5, upper: 8, scale: 'linear', doc: 'Weibull shape: ≤ 1 decays from lag 0, > 1 delays the peak.' },
    { name: 'scale', lower: 0.5, upper: 30, scale: 'log', doc: 'Weibull scale in periods: sets where the peak and tail fall.' },
  ],
  (w, maxLag, k, logScale, logs) => {
    const logHead = Math.log(k) - logScale;
    for (let l = 0; l <= maxLag; l++) {
      const z = logs[l + 1] - logScale; // ln(x / λ) at x = l + 1
      const v = Math.exp(logHead + (k - 1) * z - Math.exp(k * z));
      w[l] = v > 0 && v < Infinity ? v : 0; // NaN (∞ − ∞ at absurd shapes) or overflow: no weight
    }
  },
);
