import { channelActualSpend, type MmmModel } from '@mixwise/engine';
import { exportTable, type ExportCell, type ExportTable } from '../export-table.ts';

/**
 * `spend`: the spend of every channel in every period of the data, tidy (one row per date and
 * channel): date, channel, spend, and in_window (1 inside the modeling window, holdout included; 0
 * for the warm-up rows before it, whose spend still carries over into the window through adstock).
 * The spend is the input file's (channelActualSpend), also for a channel modelled on its exposure.
 * @param model the fitted model
 * @returns columns date (date), channel (text), spend (real), in_window (integer 0/1)
 * @example spendTable(model).rows.length // model.dates.length × model.channels.length
 */
export function spendTable(model: MmmModel): ExportTable {
  const rows: ExportCell[][] = [];
  const { start, end } = model.window;
  model.dates.forEach((date, t) => {
    for (const ch of model.channels) rows.push([date, ch.name, channelActualSpend(ch)[t] ?? null, t >= start && t < end ? 1 : 0]);
  });
  return exportTable('spend', [
    { name: 'date', type: 'date' },
    { name: 'channel', type: 'text' },
    { name: 'spend', type: 'real' },
    { name: 'in_window', type: 'integer' },
  ], rows);
}
