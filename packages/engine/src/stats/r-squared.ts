import { assertPaired } from './assert-sample.ts';
import { mean } from './mean.ts';

/**
 * Coefficient of determination R² = 1 − SS_res / SS_tot, with SS_res = Σ(y − ŷ)² and
 * SS_tot = Σ(y − ȳ)² (Kvålseth 1985, "Cautionary note about R²", The American Statistician 39(4),
 * definition R²₁). Can be negative when the predictions are worse than the mean.
 * @param actual observed values y, length n ≥ 1
 * @param predicted fitted values ŷ, length n
 * @returns R² (≤ 1); NaN when `actual` is constant (SS_tot = 0)
 * @throws EngineError('SHAPE_MISMATCH') when lengths differ; EngineError('INVALID_ARGUMENT') when empty
 * @example rSquared([1, 2, 3, 4], [1.1, 1.9, 3.2, 3.8]) // 0.98
 */
export function rSquared(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  assertPaired(actual, predicted, 'rSquared');
  const m = mean(actual);
  let ssRes = 0, ssTot = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = actual[i] - predicted[i];
    const d = actual[i] - m;
    ssRes += e * e;
    ssTot += d * d;
  }
  if (ssTot === 0) return NaN;
  return 1 - ssRes / ssTot;
}
