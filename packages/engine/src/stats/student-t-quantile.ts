import { EngineError } from '../errors.ts';
import { logGamma } from './log-gamma.ts';
import { normalQuantile } from './normal-quantile.ts';
import { studentTCdf } from './student-t-cdf.ts';

/**
 * Quantile of Student's t distribution with ν degrees of freedom: the t with
 * {@link studentTCdf}(t, ν) = p, by Newton's method on the CDF (density from A&S 26.7.1) inside a
 * bisection bracket, so every step stays safe even for the heavy-tailed small-ν cases. Uses the
 * symmetry t_p = −t_{1−p}; converges to about 1e-14 relative.
 * @param p probability in [0, 1]
 * @param df degrees of freedom ν > 0; Infinity gives the normal quantile
 * @returns the p-quantile; ∓Infinity at p = 0 and p = 1
 * @throws EngineError('INVALID_ARGUMENT') when p ∉ [0, 1] or df ≤ 0 (or NaN)
 * @example studentTQuantile(0.975, 10) // 2.228138851986274
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) {
    throw new EngineError('INVALID_ARGUMENT', `studentTQuantile needs p in [0, 1] and df > 0 (p = ${p}, df = ${df})`);
  }
  if (df === Infinity) return normalQuantile(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Work with the tail probability q < 0.5 (exact in both halves) so small tails keep their precision.
  return p < 0.5 ? -upper(p, df) : upper(1 - p, df);
}

/** The positive t with P(T > t) = q, for 0 < q < 0.5. */
function upper(q: number, df: number): number {
  const z = -normalQuantile(q);
  let lo = 0;
  let hi = Math.max(1, z);
  while (tailAbove(hi, df) > q) { lo = hi; hi *= 2; if (hi > 1e300) return Infinity; }
  const logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  let t = Math.min(Math.max(z, lo), hi);
  for (let i = 0; i < 200; i++) {
    const f = tailAbove(t, df) - q; // decreasing in t
    if (f === 0) return t;
    if (f > 0) lo = t; else hi = t;
    const density = Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
    let next = t + f / density;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 1e-15 * Math.abs(next)) return next;
    t = next;
  }
  return t;
}

/** P(T > t) for t ≥ 0, without the cancellation of 1 − cdf. */
function tailAbove(t: number, df: number): number {
  return studentTCdf(-t, df);
}
