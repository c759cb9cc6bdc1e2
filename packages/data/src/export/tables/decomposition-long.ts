import type { Decomposition, MmmModel } from '@mixwise/engine';
import { exportTable, type ExportCell, type ExportTable } from '../export-table.ts';

/**
 * `decomposition` in long format: one row per period of the modeling window (holdout included) and
 * per component (intercept, each baseline term, each channel), in KPI units. `group` is the
 * component's family: intercept, trend, seasonality, dayOfWeek, event, control, organic (organic
 * media, against zero exposure) or media. The values
 * of one date sum to the fitted KPI of that date (predictions.fitted).
 * @param model the fitted model
 * @param decomposition decompose(model)
 * @returns columns date (date), component (text), group (text), value (real); periods × components rows
 * @example decompositionLongTable(model, decompose(model)).rows[0] // ['2021-01-03', 'intercept', 'intercept', 812345.6]
 */
export function decompositionLongTable(model: MmmModel, decomposition: Decomposition): ExportTable {
  const rows: ExportCell[][] = [];
  for (let t = model.window.start; t < model.window.end; t++) {
    for (const c of decomposition.components) rows.push([decomposition.dates[t], c.name, c.group, c.values[t]]);
  }
  return exportTable('decomposition', [
    { name: 'date', type: 'date' },
    { name: 'component', type: 'text' },
    { name: 'group', type: 'text' },
    { name: 'value', type: 'real' },
  ], rows);
}
