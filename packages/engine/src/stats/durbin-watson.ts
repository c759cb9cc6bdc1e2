import { EngineError } from '../errors.ts';
import { assertMinLength } from './assert-sample.ts';
import { normalCdf } from './normal-cdf.ts';

/** Result of {@link durbinWatson}. */
export interface DurbinWatsonResult {
  /** d = Σₜ(eₜ − eₜ₋₁)² / Σₜ eₜ², in [0, 4]; ≈ 2 without first-order autocorrelation. */
  statistic: number;
  /**
   * Two-sided large-sample p-value from d ≈ N(2, 4/n) under no autocorrelation. Approximate: it
   * ignores the regressors, on which the exact null distribution of d depends.
   */
  pValue: number;
  /** Implied lag-1 autocorrelation ρ̂ ≈ 1 − d/2. */
  autocorrelation: number;
  /** Number of residuals n. */
  n: number;
}

/**
 * Durbin–Watson statistic for first-order autocorrelation of regression residuals
 * (Durbin & Watson 1950, "Testing for serial correlation in least squares regression I",
 * Biometrika 37): d = Σ_{t=2}^{n} (eₜ − eₜ₋₁)² / Σ_{t=1}^{n} eₜ².
 *
 * The exact null distribution of d depends on the design matrix (hence the published bounds
 * tables), so the p-value here is only the asymptotic approximation √n·(d − 2)/2 ≈ N(0, 1)
 * (d ≈ 2(1 − ρ̂₁) and √n·ρ̂₁ → N(0, 1) under independence; Box & Pierce 1970): good for a rough flag
 * on long series, not a substitute for the bounds test on short ones.
 * @param residuals regression residuals in time order, length n ≥ 2
 * @returns statistic, approximate two-sided p-value, ρ̂ and n
 * @throws EngineError('INVALID_ARGUMENT') when n < 2 or all residuals are 0
 * @example durbinWatson([1, -1, 1, -1]).statistic // 3 (= 12 / 4: strong negative autocorrelation)
 */
export function durbinWatson(residuals: ArrayLike<number>): DurbinWatsonResult {
  assertMinLength(residuals, 2, 'durbinWatson');
  const n = residuals.length;
  let num = 0;
  let den = residuals[0] * residuals[0];
  for (let t = 1; t < n; t++) {
    const d = residuals[t] - residuals[t - 1];
    num += d * d;
    den += residuals[t] * residuals[t];
  }
  if (!(den > 0)) throw new EngineError('INVALID_ARGUMENT', 'durbinWatson: residuals are all zero');
  const statistic = num / den;
  const z = (Math.sqrt(n) * (statistic - 2)) / 2;
  return { statistic, pValue: 2 * normalCdf(-Math.abs(z)), autocorrelation: 1 - statistic / 2, n };
}
