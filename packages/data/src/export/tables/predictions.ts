import type { Decomposition, MmmModel } from '@mixwise/engine';
import { exportTable, type ExportCell, type ExportTable } from '../export-table.ts';

/**
 * `predictions`: actual vs fitted KPI per period of the modeling window; residual = actual − fitted;
 * `sample` is 'train' for rows the model was fitted on and 'holdout' for the last `holdout` rows
 * (out of sample).
 * @param model the fitted model
 * @param decomposition decompose(model)
 * @returns columns date (date), actual, fitted, residual (real), sample (text)
 * @example predictionsTable(model, decompose(model)).rows.at(-1)?.[4] // 'holdout' when the run had a holdout
 */
export function predictionsTable(model: MmmModel, decomposition: Decomposition): ExportTable {
  const fitEnd = model.window.end - model.holdout;
  const rows: ExportCell[][] = [];
  for (let t = model.window.start; t < model.window.end; t++) {
    const actual = decomposition.actual[t], fitted = decomposition.fitted[t];
    rows.push([decomposition.dates[t], actual, fitted, actual - fitted, t < fitEnd ? 'train' : 'holdout']);
  }
  return exportTable('predictions', [
    { name: 'date', type: 'date' },
    { name: 'actual', type: 'real' },
    { name: 'fitted', type: 'real' },
    { name: 'residual', type: 'real' },
    { name: 'sample', type: 'text' },
  ], rows);
}
