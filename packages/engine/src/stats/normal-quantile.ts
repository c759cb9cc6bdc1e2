import { EngineError } from '../errors.ts';
import { normalCdf } from './normal-cdf.ts';

// Coefficients of P. J. Acklam's rational approximations (2003, "An algorithm for computing the
// inverse normal cumulative distribution function", published on his web page; relative error
// below 1.15e-9 before refinement).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;
const SQRT_2PI = 2.5066282746310002;

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p), by Acklam's rational approximation (central region
 * p ∈ [0.02425, 0.5] and a tail region in √(−2 ln p)) followed by one Halley step on
 * Φ(x) − p = 0 using {@link normalCdf}, which brings the error to about 1e-15 relative. Upper
 * half uses the symmetry Φ⁻¹(p) = −Φ⁻¹(1 − p) (1 − p is exact there).
 * @param p probability in [0, 1]
 * @returns the quantile z with Φ(z) = p; −Infinity at 0, +Infinity at 1
 * @throws EngineError('INVALID_ARGUMENT') when p ∉ [0, 1] or is NaN
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new EngineError('INVALID_ARGUMENT', `normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -lowerHalf(1 - p);
  return lowerHalf(p);
}

/** Φ⁻¹(p) for 0 < p ≤ 0.5. */
function lowerHalf(p: number): number {
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  // One Halley step: u = (Φ(x) − p) / φ(x); x ← x − u / (1 + x·u/2).
  const density = Math.exp(-0.5 * x * x) / SQRT_2PI;
  if (density > 0) {
    const u = (normalCdf(x) - p) / density;
    x -= u / (1 + 0.5 * x * u);
  }
  return x;
}
