import { EngineError } from '../errors.ts';
import { normalCdf } from './normal-cdf.ts';
import { normalQuantile } from './normal-quantile.ts';

/** Result of {@link shapiroWilk}. */
export interface ShapiroWilkResult {
  /** W in (0, 1]; values near 1 are consistent with normality. */
  statistic: number;
  /** Royston's normal-approximation p-value; small values reject normality. */
  pValue: number;
  /** Sample size n. */
  n: number;
}

// Royston (1992) polynomial coefficients, lowest order first (as published in AS R94).
const C1 = [0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056]; // a_n in powers of 1/√n
const C2 = [0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633]; // a_{n−1} in powers of 1/√n
const C3 = [0.544, -0.39978, 0.025054, -6.714e-4]; // mean of −ln(γ − ln(1 − W)), 4 ≤ n ≤ 11, in n
const C4 = [1.3822, -0.77857, 0.062767, -0.0020322]; // ln sd, 4 ≤ n ≤ 11, in n
const C5 = [-1.5861, -0.31082, -0.083751, 0.0038915]; // mean of ln(1 − W), n ≥ 12, in ln n
const C6 = [-0.4803, -0.082676, 0.0030302]; // ln sd, n ≥ 12, in ln n
const G = [-2.273, 0.459]; // γ(n) for 4 ≤ n ≤ 11
const SMALL_P = 1e-19; // AS R94's floor for p-values beyond the range of the small-sample transform

/**
 * Shapiro–Wilk test of normality (Shapiro & Wilk 1965, Biometrika 52), with the coefficients and
 * p-value of Royston's approximation: Royston (1992), "Approximating the Shapiro–Wilk W-test for
 * non-normality", Statistics and Computing 2, and Royston (1995), "Remark AS R94: A remark on
 * algorithm AS 181: the W-test for normality", Applied Statistics 44(4) — the algorithm behind R's
 * `shapiro.test` and scipy.stats.shapiro.
 *
 * W = (Σᵢ aᵢ·(x₍ₙ₊₁₋ᵢ₎ − x₍ᵢ₎))² / Σ(x − x̄)², with aᵢ from the normal scores
 * mᵢ = Φ⁻¹((i − 3/8)/(n + 1/4)) and Royston's polynomial corrections for the two most extreme
 * coefficients. The p-value comes from normalising transforms of W: −ln(γ − ln(1 − W)) for
 * 4 ≤ n ≤ 11 and ln(1 − W) for n ≥ 12; n = 3 uses the exact distribution
 * p = (6/π)·(asin √W − asin √¾).
 *
 * Valid for 3 ≤ n ≤ 5000. Above 5000 the statistic is still computed exactly, but the p-value
 * extrapolates Royston's fit beyond its calibration range (R refuses, scipy warns): treat it as
 * indicative only. For 4 ≤ n ≤ 11, a W so small that ln(1 − W) ≥ γ(n) gets p = 1e-19, as in AS R94.
 * @param values sample, length n ≥ 3, not constant, no NaN; not modified (a sorted copy is made)
 * @returns W, p-value and n
 * @throws EngineError('INVALID_ARGUMENT') when n < 3 or the values have zero range
 * @throws EngineError('NON_FINITE') when a value is NaN or infinite
 * @example shapiroWilk([1, 2, 3.5, 4, 7, 8.2, 9, 15]) // { statistic: 0.92935…, pValue: 0.5102… }
 */
export function shapiroWilk(values: ArrayLike<number>): ShapiroWilkResult {
  const n = values.length;
  if (n < 3) throw new EngineError('INVALID_ARGUMENT', `shapiroWilk needs at least 3 values, got ${n}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) throw new EngineError('NON_FINITE', `shapiroWilk: value ${i} is ${values[i]}`);
  }
  const x = Float64Array.from(values).sort();
  if (!(x[n - 1] - x[0] > 0)) throw new EngineError('INVALID_ARGUMENT', 'shapiroWilk: the values have zero range');

  const a = coefficients(n);
  let xbar = 0;
  for (let i = 0; i < n; i++) xbar += x[i];
  xbar /= n;
  let ssq = 0;
  for (let i = 0; i < n; i++) ssq += (x[i] - xbar) ** 2;
  let num = 0;
  for (let i = 0; i < a.length; i++) num += a[i] * (x[n - 1 - i] - x[i]);
  const w = Math.min(1, (num * num) / ssq);
  return { statistic: w, pValue: pValue(w, n), n };
}

/** Royston's antisymmetric coefficients a₁ ≥ a₂ ≥ … for the ⌊n/2⌋ pairs (x₍ₙ₊₁₋ᵢ₎ − x₍ᵢ₎), Σ 2aᵢ² = 1. */
function coefficients(n: number): Float64Array {
  const half = Math.floor(n / 2);
  const a = new Float64Array(half);
  if (n === 3) { a[0] = Math.SQRT1_2; return a; }
  // m[i] = upper normal score for pair i (positive), i = 0 … half − 1.
  const m = new Float64Array(half);
  let summ2 = 0;
  for (let i = 0; i < half; i++) {
    m[i] = -normalQuantile((i + 1 - 0.375) / (n + 0.25));
    summ2 += m[i] * m[i];
  }
  summ2 *= 2;
  const ssumm2 = Math.sqrt(summ2);
  const rsn = 1 / Math.sqrt(n);
  const a1 = poly(C1, rsn) + m[0] / ssumm2;
  let first: number;
  let fac: number;
  if (n > 5) {
    const a2 = poly(C2, rsn) + m[1] / ssumm2;
    fac = Math.sqrt((summ2 - 2 * m[0] ** 2 - 2 * m[1] ** 2) / (1 - 2 * a1 ** 2 - 2 * a2 ** 2));
    a[1] = a2;
    first = 2;
  } else {
    fac = Math.sqrt((summ2 - 2 * m[0] ** 2) / (1 - 2 * a1 ** 2));
    first = 1;
  }
  a[0] = a1;
  for (let i = first; i < half; i++) a[i] = m[i] / fac;
  return a;
}

/** Royston's p-value for W. */
function pValue(w: number, n: number): number {
  if (n === 3) {
    const p = (6 / Math.PI) * (Math.asin(Math.sqrt(w)) - Math.PI / 3);
    return Math.min(1, Math.max(0, p));
  }
  const w1 = Math.log1p(-w);
  if (w1 === -Infinity) return 1; // W = 1: a perfectly normal-looking sample
  let y: number, mu: number, sigma: number;
  if (n <= 11) {
    const gamma = poly(G, n);
    if (w1 >= gamma) return SMALL_P;
    y = -Math.log(gamma - w1);
    mu = poly(C3, n);
    sigma = Math.exp(poly(C4, n));
  } else {
    const ln = Math.log(n);
    y = w1;
    mu = poly(C5, ln);
    sigma = Math.exp(poly(C6, ln));
  }
  return normalCdf(-(y - mu) / sigma);
}

/** c₀ + c₁x + c₂x² + … (Horner). */
function poly(c: readonly number[], x: number): number {
  let s = 0;
  for (let i = c.length - 1; i >= 0; i--) s = s * x + c[i];
  return s;
}
