import { EngineError } from '../errors.ts';
import { regularizedGammaP, regularizedGammaQ } from './regularized-gamma.ts';

/**
 * Chi-square cumulative distribution F(x; k) = P(k/2, x/2), the regularised lower incomplete gamma
 * function (Abramowitz & Stegun 26.4.19), via {@link regularizedGammaP}.
 * @param x value of the statistic (x ≤ 0 gives 0)
 * @param df degrees of freedom k > 0 (need not be an integer)
 * @returns F(x; k) in [0, 1]
 * @throws EngineError('INVALID_ARGUMENT') when df ≤ 0 or x is NaN
 * @example chiSquareCdf(3.841458820694124, 1) // 0.95
 */
export function chiSquareCdf(x: number, df: number): number {
  check(x, df);
  if (x <= 0) return 0;
  return regularizedGammaP(df / 2, x / 2);
}

/**
 * Chi-square survival function 1 − F(x; k) = Q(k/2, x/2), computed directly for full relative
 * accuracy in the upper tail (where p-values live), via {@link regularizedGammaQ}.
 * @param x value of the statistic (x ≤ 0 gives 1)
 * @param df degrees of freedom k > 0
 * @returns the upper-tail probability in [0, 1]
 * @throws EngineError('INVALID_ARGUMENT') when df ≤ 0 or x is NaN
 * @example chiSquareSurvival(5.991464547107979, 2) // 0.05
 */
export function chiSquareSurvival(x: number, df: number): number {
  check(x, df);
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

function check(x: number, df: number): void {
  if (!(df > 0) || Number.isNaN(x)) {
    throw new EngineError('INVALID_ARGUMENT', `chi-square needs df > 0 and a number x (x = ${x}, df = ${df})`);
  }
}
