import { getAdstockKernel, getSaturationKernel, type MmmModel } from '@mixwise/engine';
import { exportTable, type ExportCell, type ExportTable } from '../export-table.ts';

/**
 * `hyperparameters`: the chosen adstock and saturation of every channel, one row per parameter.
 * `family` is 'adstock' or 'saturation', `kernel` the curve type as in model.json (geometric,
 * delayed, weibull-cdf, weibull-pdf; hill, logistic, michaelis-menten, log1p) and `parameter` the
 * kernel's parameter name as in model.json (alpha, shape, halfSaturation, …), in the kernel's order.
 * Two settings complete the transform: adstock `max_lag` (longest lag kept, in periods) and
 * saturation `input_scale` (adstocked spend is divided by it before the saturation curve). Organic
 * media follow the paid channels, named as in model.json (their input is exposure, not spend).
 * @param model the fitted model
 * @returns columns channel, family, kernel, parameter (text), value (real)
 * @example hyperparametersTable(model).rows[0] // ['tv', 'adstock', 'geometric', 'alpha', 0.42]
 */
export function hyperparametersTable(model: MmmModel): ExportTable {
  const rows: ExportCell[][] = [];
  for (const ch of [...model.channels, ...(model.organic ?? [])]) {
    const adstock = getAdstockKernel(ch.adstock.type);
    const a = adstock.toVector(ch.adstock);
    adstock.params.forEach((p, i) => rows.push([ch.name, 'adstock', ch.adstock.type, p.name, a[i]]));
    rows.push([ch.name, 'adstock', ch.adstock.type, 'max_lag', ch.maxLag]);
    const saturation = getSaturationKernel(ch.saturation.type);
    const s = saturation.toVector(ch.saturation);
    saturation.params.forEach((p, i) => rows.push([ch.name, 'saturation', ch.saturation.type, p.name, s[i]]));
    rows.push([ch.name, 'saturation', ch.saturation.type, 'input_scale', ch.scale]);
  }
  return exportTable('hyperparameters', [
    { name: 'channel', type: 'text' },
    { name: 'family', type: 'text' },
    { name: 'kernel', type: 'text' },
    { name: 'parameter', type: 'text' },
    { name: 'value', type: 'real' },
  ], rows);
}
