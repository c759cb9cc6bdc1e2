import { responseCurve, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { exportTable, type ExportCell, type ExportTable } from '../export-table.ts';

/** Points per channel on the exported curve (plus one row for the current spend). */
export const RESPONSE_CURVE_POINTS = 101;
/** The curve runs from zero to this multiple of the current spend per period. */
export const RESPONSE_CURVE_MAX_MULTIPLE = 3;

/**
 * `response_curves`: per channel, the steady-state KPI per period at a sustained spend per period
 * (the engine's responseCurve), at 101 evenly spaced levels from 0 to 3 × the current spend per
 * period (is_current = 0), then one row at the current spend itself (is_current = 1). The current
 * spend is the channel's mean spend per period over the modeling window (summary spend / periods).
 * `marginal_kpi_per_spend` is d kpi / d spend at that level; NULL where it is infinite (a concave Hill curve at zero).
 * The same rows as response_curves.csv in the run folder.
 * @param model the fitted model
 * @param summary summarizeModel(model)
 * @returns columns channel (text), spend_per_period, kpi_per_period, marginal_kpi_per_spend (real), is_current (integer 0/1)
 * @example responseCurvesTable(model, summary).rows.length // nChannels × 102
 */
export function responseCurvesTable(model: MmmModel, summary: SummaryResult): ExportTable {
  const rows: ExportCell[][] = [];
  model.channels.forEach((ch, k) => {
    const curve = responseCurve(ch, summary.channels[k].spend / summary.periods, RESPONSE_CURVE_MAX_MULTIPLE, RESPONSE_CURVE_POINTS);
    for (let i = 0; i < curve.spend.length; i++) rows.push([ch.name, curve.spend[i], curve.response[i], curve.marginal[i], 0]);
    rows.push([ch.name, curve.current.spend, curve.current.response, curve.current.marginal, 1]);
  });
  return exportTable('response_curves', [
    { name: 'channel', type: 'text' },
    { name: 'spend_per_period', type: 'real' },
    { name: 'kpi_per_period', type: 'real' },
    { name: 'marginal_kpi_per_spend', type: 'real' },
    { name: 'is_current', type: 'integer' },
  ], rows);
}
