import { assertPaired } from './assert-sample.ts';

/**
 * Root mean squared error √(Σ(y − ŷ)² / n).
 * @param actual observed values y, length n ≥ 1
 * @param predicted fitted values ŷ, length n
 * @returns RMSE, in the units of y
 * @throws EngineError('SHAPE_MISMATCH') when lengths differ; EngineError('INVALID_ARGUMENT') when empty
 * @example rmse([1, 2, 3, 4], [1, 2, 3, 6]) // 1
 */
export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  assertPaired(actual, predicted, 'rmse');
  let ss = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = actual[i] - predicted[i];
    ss += e * e;
  }
  return Math.sqrt(ss / actual.length);
}
