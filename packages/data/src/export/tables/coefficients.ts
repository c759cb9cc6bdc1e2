import { decompositionReference, type MmmModel } from '@mixwise/engine';
import { exportTable, type ExportCell, type ExportTable } from '../export-table.ts';

/**
 * `coefficients`: the regression coefficients of the fitted model
 * KPI_t = intercept + Σ_j coef_j·baseline_j[t] + Σ_c coef_c·saturation_c(adstock_c(spend_c)[t] / input_scale_c).
 * One row for the intercept (group 'intercept'), one per baseline term (group trend, seasonality,
 * dayOfWeek, event, control or organic; KPI per unit of the regressor, for organic media per unit of
 * their saturated value f(A(exposure)/scale)) and one per channel (group 'media';
 * KPI per unit of saturated value, so the channel's maximum effect per period for bounded curves).
 * `reference` is the level the decomposition measures a term against: its contribution in period t
 * is coefficient × (value_t − reference). It is 0 except for controls that never reach 0 on the
 * fitted rows (a price, an index), which are measured against their mean there; the intercept's
 * contribution is then intercept + Σ coefficient × reference (docs/model.md §11.1).
 * @param model the fitted model
 * @returns columns term (text), group (text), coefficient (real), reference (real)
 * @example coefficientsTable(model).rows[0] // ['intercept', 'intercept', 812345.6, 0]
 */
export function coefficientsTable(model: MmmModel): ExportTable {
  const rows: ExportCell[][] = [['intercept', 'intercept', model.intercept, 0]];
  for (const b of model.baseline) rows.push([b.name, b.kind, b.coef, decompositionReference(model, b)]);
  for (const ch of model.channels) rows.push([ch.name, 'media', ch.coef, 0]);
  return exportTable('coefficients', [
    { name: 'term', type: 'text' },
    { name: 'group', type: 'text' },
    { name: 'coefficient', type: 'real' },
    { name: 'reference', type: 'real' },
  ], rows);
}
