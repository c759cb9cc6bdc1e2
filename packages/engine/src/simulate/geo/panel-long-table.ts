import type { ModelingTable } from '../../spec/modeling-table.ts';
import type { LongTable } from '../breakdown/geo-product-breakdown.ts';

/**
 * A panel ModelingTable as a long table, one row per date and geo (dates outer, geos in table order):
 * date, the geo column, the KPI, each channel's spend column, each control (its geo value, or the
 * national value repeated on every geo's row), each event (national, repeated) and, when the panel has
 * a size column (panel.size: population), that column last, the geo's size on each of its rows. This is the file
 * layout a geo panel is read from (data.csv of `mixwise simulate --preset geo`).
 * @param table a table with `panel` set (modelingTableFromPanel)
 * @returns columns and rows, or undefined when the table is not a panel
 * @example panelLongTable(simulateGeoPanel().table)?.columns.slice(0, 3) // ['date', 'geo', 'revenue']
 */
export function panelLongTable(table: ModelingTable): LongTable | undefined {
  const panel = table.panel;
  if (panel === undefined) return undefined;
  const columns = ['date', panel.column, table.target.name, ...table.channels.map((c) => c.column), ...table.controls.map((c) => c.name), ...table.events.map((e) => e.name), ...(panel.size === undefined ? [] : [panel.size.column])];
  const rows: (string | number)[][] = [];
  table.dates.forEach((date, t) => {
    panel.geos.forEach((geo, g) => {
      rows.push([
        date, geo, panel.target[g][t],
        ...panel.spend.map((s) => s[g][t]),
        ...table.controls.map((c, k) => panel.controls[k]?.[g][t] ?? c.values[t]),
        ...table.events.map((e) => e.values[t]),
        ...(panel.size === undefined ? [] : [panel.size.values[g]]),
      ]);
    });
  });
  return { columns, rows };
}
