import type { MmmModel } from '../model/mmm-model.ts';
import { rSquared } from '../stats/r-squared.ts';
import { adjustedRSquared } from '../stats/adjusted-r-squared.ts';
import { rmse } from '../stats/rmse.ts';
import { mae } from '../stats/mae.ts';
import { mape } from '../stats/mape.ts';
import { wmape } from '../stats/wmape.ts';
import { nrmse } from '../stats/nrmse.ts';

export interface FitMetrics {
  readonly r2: number;
  readonly adj_r2: number;
  readonly rmse: number;
  readonly mae: number;
  readonly mape: number;
  readonly wmape: number;
  /** Robyn's NRMSE: RMSE / (max − min of the actual KPI over the same rows). */
  readonly nrmse: number;
}

/**
 * Goodness of fit over rows [start, end) (in sample or holdout).
 * Adjusted R² counts the regression coefficients (baseline terms + channels) as parameters.
 * @example fitMetrics(actual, fitted, 0, 130, model).r2 // 0.93
 */
export function fitMetrics(actual: Float64Array, fitted: Float64Array, start: number, end: number, model: MmmModel): FitMetrics {
  const a = actual.subarray(start, end);
  const f = fitted.subarray(start, end);
  const r2 = rSquared(a, f);
  const p = model.baseline.length + model.channels.length;
  return {
    r2,
    adj_r2: a.length > p + 1 ? adjustedRSquared(r2, a.length, p) : NaN,
    rmse: rmse(a, f),
    mae: mae(a, f),
    mape: mape(a, f),
    wmape: wmape(a, f),
    nrmse: nrmse(a, f),
  };
}
