import type { MmmModel } from '../model/mmm-model.ts';
import { decompose, type Decomposition } from './decomposition.ts';
import { isObserved } from '../spec/observed-rows.ts';

/**
 * decomposition.csv as columns and rows: one row per period of the modeling window with the date,
 * the actual and fitted KPI, whether the row was held out, then every component (intercept, baseline
 * terms, channels) in KPI units. Components of a row sum to its fitted value.
 * A period whose KPI is missing (NaN, left out of the fit: spec/observed-rows.ts) has `actual` null,
 * an empty cell in the CSV (the writer rejects NaN), and its fitted value and components as estimated.
 * @example decompositionTable(model).columns.slice(0, 4) // ['date', 'actual', 'fitted', 'holdout']
 */
export function decompositionTable(model: MmmModel, d: Decomposition = decompose(model)): { columns: string[]; rows: (string | number | null)[][] } {
  const columns = ['date', 'actual', 'fitted', 'holdout', ...d.components.map((c) => c.name)];
  const rows: (string | number | null)[][] = [];
  const fitEnd = model.window.end - model.holdout;
  for (let t = model.window.start; t < model.window.end; t++) {
    const actual = d.actual[t];
    rows.push([d.dates[t], isObserved(actual) ? actual : null, d.fitted[t], t >= fitEnd ? 1 : 0, ...d.components.map((c) => c.values[t])]);
  }
  return { columns, rows };
}
