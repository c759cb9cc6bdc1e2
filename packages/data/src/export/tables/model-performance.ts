import { fittedRows, observedRows, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { exportTable, type ExportCell, type ExportTable } from '../export-table.ts';

/** The fit metrics exported, in row order (the keys of the engine's FitMetrics). */
export const PERFORMANCE_METRICS = ['r2', 'adj_r2', 'rmse', 'mae', 'mape', 'wmape', 'nrmse'] as const;

/**
 * `model_performance`: one row per fit metric and sample. `sample` is 'train' (the fitted rows of
 * the modeling window) or 'holdout' (its last rows, kept out of the fit; present only when the run
 * had a holdout). Values are summary.json's `fit` and `fit.holdout`; rows with an undefined metric
 * (e.g. adjusted R² on too few rows) have a NULL value. `periods` counts the periods a metric was
 * computed on: those with a KPI (periods left out of the fit by skip_missing_kpi are not scored).
 * @param model the fitted model (which periods of each sample have a KPI)
 * @param summary summarizeModel's result
 * @returns columns metric (text), sample (text), value (real), periods (integer)
 * @example modelPerformanceTable(model, summary).rows[0] // ['r2', 'train', 0.83, 156]
 */
export function modelPerformanceTable(model: Pick<MmmModel, 'actual' | 'window' | 'holdout'>, summary: SummaryResult): ExportTable {
  const holdout = summary.fit.holdout;
  const train = fittedRows(model);
  const trainScored = observedRows(model.actual, train.start, train.end).length;
  const holdoutScored = observedRows(model.actual, train.end, model.window.end).length;
  const rows: ExportCell[][] = PERFORMANCE_METRICS.map((m) => [m, 'train', summary.fit[m], trainScored]);
  if (holdout !== null) for (const m of PERFORMANCE_METRICS) rows.push([m, 'holdout', holdout[m], holdoutScored]);
  return exportTable('model_performance', [
    { name: 'metric', type: 'text' },
    { name: 'sample', type: 'text' },
    { name: 'value', type: 'real' },
    { name: 'periods', type: 'integer' },
  ], rows);
}
