import { assertPaired } from './assert-sample.ts';

/**
 * Mean absolute percentage error, as a fraction: (1/m)·Σ |y − ŷ| / |y| over the m periods with y ≠ 0
 * (Hyndman & Koehler 2006, "Another look at measures of forecast accuracy", IJF 22(4), §3.2).
 * Periods with actual = 0 are skipped, because their percentage error is undefined; the mean is over
 * the remaining periods only.
 * @param actual observed values y, length n ≥ 1
 * @param predicted fitted values ŷ, length n
 * @returns MAPE as a fraction (0.05 means 5 %); NaN when every actual value is 0
 * @throws EngineError('SHAPE_MISMATCH') when lengths differ; EngineError('INVALID_ARGUMENT') when empty
 * @example mape([100, 200, 0, 50], [110, 180, 7, 50]) // 0.06666666666666667 (= (0.1 + 0.1 + 0) / 3)
 */
export function mape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  assertPaired(actual, predicted, 'mape');
  let s = 0;
  let m = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    if (y === 0) continue;
    s += Math.abs((y - predicted[i]) / y);
    m++;
  }
  return m === 0 ? NaN : s / m;
}
