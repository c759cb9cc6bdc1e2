import { assertPaired } from './assert-sample.ts';

/**
 * Weighted mean absolute percentage error Σ|y − ŷ| / Σ|y| (Kolassa & Schütz 2007, "Advantages of
 * the MAD/MEAN ratio over the MAPE", Foresight 6): the MAPE with each period weighted by |y|, which
 * stays defined when some actual values are 0.
 * @param actual observed values y, length n ≥ 1
 * @param predicted fitted values ŷ, length n
 * @returns WMAPE as a fraction; NaN when every actual value is 0
 * @throws EngineError('SHAPE_MISMATCH') when lengths differ; EngineError('INVALID_ARGUMENT') when empty
 * @example wmape([100, 200, 0, 50], [110, 180, 7, 50]) // 0.10571428571428572 (= 37 / 350)
 */
export function wmape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  assertPaired(actual, predicted, 'wmape');
  let num = 0, den = 0;
  for (let i = 0; i < actual.length; i++) {
    num += Math.abs(actual[i] - predicted[i]);
    den += Math.abs(actual[i]);
  }
  return den === 0 ? NaN : num / den;
}
