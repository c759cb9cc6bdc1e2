import { EngineError } from '../errors.ts';

/**
 * Adjusted R² = 1 − (1 − R²)·(n − 1)/(n − p − 1) (Theil 1961, *Economic Forecasts and Policy*;
 * the form used by R's `summary.lm` for a model with an intercept).
 * @param r2 ordinary R², e.g. from {@link rSquared}
 * @param n number of observations
 * @param p number of regressors, not counting the intercept
 * @returns adjusted R² (≤ r2 for p ≥ 1)
 * @throws EngineError('INVALID_ARGUMENT') when n − p − 1 ≤ 0 or p < 0
 * @example adjustedRSquared(0.9, 20, 3) // 0.88125
 */
export function adjustedRSquared(r2: number, n: number, p: number): number {
  if (!(p >= 0) || !(n - p - 1 > 0)) {
    throw new EngineError('INVALID_ARGUMENT', `adjustedRSquared needs n − p − 1 > 0 and p ≥ 0 (n = ${n}, p = ${p})`);
  }
  return 1 - ((1 - r2) * (n - 1)) / (n - p - 1);
}
