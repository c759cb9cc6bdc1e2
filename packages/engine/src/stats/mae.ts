import { assertPaired } from './assert-sample.ts';

/**
 * Mean absolute error Σ|y − ŷ| / n.
 * @param actual observed values y, length n ≥ 1
 * @param predicted fitted values ŷ, length n
 * @returns MAE, in the units of y
 * @throws EngineError('SHAPE_MISMATCH') when lengths differ; EngineError('INVALID_ARGUMENT') when empty
 * @example mae([1, 2, 3, 4], [2, 2, 3, 1]) // 1
 */
export function mae(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  assertPaired(actual, predicted, 'mae');
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs(actual[i] - predicted[i]);
  return s / actual.length;
}
