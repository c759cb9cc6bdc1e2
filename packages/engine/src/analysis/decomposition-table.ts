import type { MmmModel } from '../model/mmm-model.ts';
import { decompose, type Decomposition } from './decomposition.ts';

/**
 * decomposition.csv as columns and rows: one row per period of the modeling window with the date,
 * the actual and fitted KPI, whether the row was held out, then every component (intercept, baseline
 * terms, channels) in KPI units. Components of a row sum to its fitted value.
 * @example decompositionTable(model).columns.slice(0, 4) // ['date', 'actual', 'fitted', 'holdout']
 */
export function decompositionTable(model: MmmModel, d: Decomposition = decompose(model)): { columns: string[]; rows: (string | number)[][] } {
  const columns = ['date', 'actual', 'fitted', 'holdout', ...d.components.map((c) => c.name)];
  const rows: (string | number)[][] = [];
  const fitEnd = model.window.end - model.holdout;
  for (let t = model.window.start; t < model.window.end; t++) {
    rows.push([d.dates[t], d.actual[t], d.fitted[t], t >= fitEnd ? 1 : 0, ...d.components.map((c) => c.values[t])]);
  }
  return { columns, rows };
}
