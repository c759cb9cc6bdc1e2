import { assertPaired } from './assert-sample.ts';

/**
 * Normalised root mean squared error as Robyn defines it: RMSE divided by the range of the actual
 * values, √(Σ(y − ŷ)² / n) / (max(y) − min(y)).
 *
 * Source: Meta's Robyn, R package, `R/R/model.R`, function `model_refit`:
 * `nrmse_train <- sqrt(mean((y_train - y_train_pred)^2)) / (max(y_train) - min(y_train))`
 * (https://github.com/facebookexperimental/Robyn). Robyn uses it as the model-fit objective of its
 * multi-objective hyperparameter search, next to DECOMP.RSSD (documentation:
 * https://facebookexperimental.github.io/Robyn/). Some older Robyn versions computed the validation
 * and test NRMSE as `sqrt(mean(sum(...)))`, i.e. √SSE / range; the current source and this function
 * use the mean, √(SSE / n) / range.
 * @param actual observed values y, length n ≥ 1
 * @param predicted fitted values ŷ, length n
 * @returns NRMSE (unitless); NaN when `actual` is constant (zero range)
 * @throws EngineError('SHAPE_MISMATCH') when lengths differ; EngineError('INVALID_ARGUMENT') when empty
 * @example nrmse([1, 2, 3, 5], [1, 2, 3, 3]) // 0.25 (RMSE 1 over range 4)
 */
export function nrmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  assertPaired(actual, predicted, 'nrmse');
  let ss = 0;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    const e = y - predicted[i];
    ss += e * e;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  const range = hi - lo;
  if (range === 0) return NaN;
  return Math.sqrt(ss / actual.length) / range;
}
