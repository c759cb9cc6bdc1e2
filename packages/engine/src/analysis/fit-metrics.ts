import type { MmmModel } from '../model/mmm-model.ts';
import { rSquared } from '../stats/r-squared.ts';
import { adjustedRSquared } from '../stats/adjusted-r-squared.ts';
import { rmse } from '../stats/rmse.ts';
import { mae } from '../stats/mae.ts';
import { mape } from '../stats/mape.ts';
import { wmape } from '../stats/wmape.ts';
import { nrmse } from '../stats/nrmse.ts';
import { observedRows } from '../spec/observed-rows.ts';

/**
 * Adjusted R² is reported only when the residual degrees of freedom n − p − 1 are at least this many;
 * below, it is NaN (summary.json null, "n/a" in the report, NULL in the exports): with 28 holdout
 * periods and 25 regressors, (n − 1)/(n − p − 1) = 9 turns an R² of 0.4 into −4.4, a number that
 * measures the parameter count, not the fit.
 */
export const ADJ_R2_MIN_DF = 10;

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
 * Metrics over a range of periods (summary.json `fit.holdout`, diagnostics.json): `periods` is the
 * number of periods in the range; `observed`, present only when some of them have no KPI (left out
 * of the fit, see spec/observed-rows.ts), the number the metrics are computed over.
 */
export type RangeFitMetrics = FitMetrics & { readonly periods: number; readonly observed?: number };

/**
 * Goodness of fit over the rows of [start, end) whose KPI is observed (in sample or holdout): a
 * period with a NaN KPI is skipped, so the metrics equal those of the same data with its rows removed.
 * Adjusted R² counts the regression coefficients (baseline terms + channels) as parameters and the
 * observed rows as n, and is NaN when n − p − 1 < ADJ_R2_MIN_DF (one rule for in-sample and holdout
 * rows). Every metric is NaN when no row of the range has a KPI.
 * @example fitMetrics(actual, fitted, 0, 130, model).r2 // 0.93
 */
export function fitMetrics(actual: ArrayLike<number>, fitted: ArrayLike<number>, start: number, end: number, model: MmmModel): FitMetrics {
  const rows = observedRows(actual, start, end);
  if (rows.length === 0) return { r2: NaN, adj_r2: NaN, rmse: NaN, mae: NaN, mape: NaN, wmape: NaN, nrmse: NaN };
  const a = Float64Array.from(rows, (t) => actual[t]);
  const f = Float64Array.from(rows, (t) => fitted[t]);
  const r2 = rSquared(a, f);
  const p = model.baseline.length + model.channels.length;
  return {
    r2,
    adj_r2: a.length - p - 1 >= ADJ_R2_MIN_DF ? adjustedRSquared(r2, a.length, p) : NaN,
    rmse: rmse(a, f),
    mae: mae(a, f),
    mape: mape(a, f),
    wmape: wmape(a, f),
    nrmse: nrmse(a, f),
  };
}

/**
 * fitMetrics over [start, end) with the range's size, and the observed count when it differs; null
 * when no period of the range has a KPI. For the holdout, null then means "nothing to score", the
 * same as no holdout: summary.json's `fit.holdout` keeps its type (metrics or null) rather than
 * carrying a record of NaN metrics, and the missing periods are listed in `missing_kpi`.
 * @example rangeFitMetrics(actual, fitted, 130, 156, model)?.periods // 26
 */
export function rangeFitMetrics(actual: ArrayLike<number>, fitted: ArrayLike<number>, start: number, end: number, model: MmmModel): RangeFitMetrics | null {
  const observed = observedRows(actual, start, end).length;
  if (observed === 0) return null;
  const periods = end - start;
  return { ...fitMetrics(actual, fitted, start, end, model), periods, ...(observed < periods ? { observed } : {}) };
}
