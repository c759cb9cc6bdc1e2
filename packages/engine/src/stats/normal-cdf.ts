import { regularizedGammaQ } from './regularized-gamma.ts';

/**
 * Standard normal cumulative distribution Φ(x) = ½·erfc(−x/√2), with
 * erfc(z) = Q(½, z²) for z ≥ 0 (Abramowitz & Stegun 7.1.2 and 6.5.17), evaluated by
 * {@link regularizedGammaQ}. The lower tail is computed directly, so Φ(−z) keeps full relative
 * accuracy for large z (use `normalCdf(-z)` for an upper-tail probability).
 * @param x standard normal quantile (z-score)
 * @returns Φ(x) in [0, 1]; NaN for NaN
 * @example normalCdf(1.959963984540054) // 0.975
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const tail = 0.5 * regularizedGammaQ(0.5, 0.5 * x * x);
  return x < 0 ? tail : 1 - tail;
}
