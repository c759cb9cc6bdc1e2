import { EngineError } from '../errors.ts';
import { normalCdf } from './normal-cdf.ts';
import { regularizedBeta } from './regularized-beta.ts';

/**
 * Cumulative distribution of Student's t with ν degrees of freedom, through the regularised
 * incomplete beta function (Abramowitz & Stegun 26.7.1 and 26.5.27):
 * P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, ½), and for t² < ν the complementary form
 * P(|T| < |t|) = I_{t²/(ν+t²)}(½, ν/2), chosen so that neither argument is computed as 1 − (a number near 1).
 * @param t value of the statistic
 * @param df degrees of freedom ν > 0 (need not be an integer); Infinity gives the normal CDF
 * @returns P(T ≤ t) in [0, 1]
 * @throws EngineError('INVALID_ARGUMENT') when df ≤ 0 or either argument is NaN
 * @example studentTCdf(2.228138851986274, 10) // 0.975
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) {
    throw new EngineError('INVALID_ARGUMENT', `studentTCdf needs df > 0 and a number t (t = ${t}, df = ${df})`);
  }
  if (df === Infinity) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const t2 = t * t;
  if (t2 < df) {
    const inner = 0.5 * regularizedBeta(t2 / (df + t2), 0.5, df / 2); // P(0 < T < |t|)
    return t < 0 ? 0.5 - inner : 0.5 + inner;
  }
  const tail = 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5); // P(T > |t|)
  return t < 0 ? tail : 1 - tail;
}
