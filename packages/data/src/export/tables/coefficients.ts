import type { MmmModel } from '@mixwise/engine';
import { exportTable, type ExportCell, type ExportTable } from '../export-table.ts';

/**
 * `coefficients`: the regression coefficients of the fitted model
 * KPI_t = intercept + Σ_j coef_j·baseline_j[t] + Σ_c coef_c·saturation_c(adstock_c(spend_c)[t] / input_scale_c).
 * One row for the intercept (group 'intercept'), one per baseline term (group trend, seasonality,
 * dayOfWeek, event or control; KPI per unit of the regressor) and one per channel (group 'media';
 * KPI per unit of saturated value, so the channel's maximum effect per period for bounded curves).
 * @param model the fitted model
 * @returns columns term (text), group (text), coefficient (real)
 * @example coefficientsTable(model).rows[0] // ['intercept', 'intercept', 812345.6]
 */
export function coefficientsTable(model: MmmModel): ExportTable {
  const rows: ExportCell[][] = [['intercept', 'intercept', model.intercept]];
  for (const b of model.baseline) rows.push([b.name, b.kind, b.coef]);
  for (const ch of model.channels) rows.push([ch.name, 'media', ch.coef]);
  return exportTable('coefficients', [
    { name: 'term', type: 'text' },
    { name: 'group', type: 'text' },
    { name: 'coefficient', type: 'real' },
  ], rows);
}
