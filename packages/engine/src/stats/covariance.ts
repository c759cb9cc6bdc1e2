import { assertMinLength, assertPaired } from './assert-sample.ts';
import { mean } from './mean.ts';

/**
 * Sample covariance Σ(x − x̄)(y − ȳ) / (n − 1), two-pass (means first), like R's `cov` and
 * numpy's `cov(x, y)[0, 1]`.
 * @param x first sample, length n ≥ 2
 * @param y second sample, same length
 * @returns the covariance, in units of x times units of y
 * @throws EngineError('SHAPE_MISMATCH') when lengths differ; EngineError('INVALID_ARGUMENT') when n < 2
 * @example covariance([1, 2, 3, 4], [2, 4, 6, 9]) // 3.8333333333333335 (= 23 / 6)
 */
export function covariance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  assertPaired(x, y, 'covariance');
  assertMinLength(x, 2, 'covariance');
  const mx = mean(x);
  const my = mean(y);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - mx) * (y[i] - my);
  return s / (x.length - 1);
}
