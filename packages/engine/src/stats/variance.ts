import { assertMinLength } from './assert-sample.ts';
import { mean } from './mean.ts';

/**
 * Sample variance with the n − 1 (Bessel) denominator, by the corrected two-pass algorithm
 * (Chan, Golub & LeVeque 1983, "Algorithms for computing the sample variance", The American
 * Statistician 37(3), eq. 1.7): s² = (Σ(x − x̄)² − (Σ(x − x̄))²/n) / (n − 1). The correction term
 * removes most of the rounding error left in x̄.
 * @param values sample, length n ≥ 2
 * @returns s², in squared units of the values
 * @throws EngineError('INVALID_ARGUMENT') when n < 2
 * @example variance([2, 4, 4, 4, 5, 5, 7, 9]) // 4.571428571428571 (= 32 / 7)
 */
export function variance(values: ArrayLike<number>): number {
  assertMinLength(values, 2, 'variance');
  const n = values.length;
  const m = mean(values);
  let ss = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    ss += d * d;
    s += d;
  }
  return Math.max(0, (ss - (s * s) / n) / (n - 1));
}
