import type { CsvTable } from '../read/read-csv.ts';
import type { PanelColumn } from './panel-column.ts';
import { datedRows } from './dated-rows.ts';
import { panelKey } from './panel-keys.ts';

/**
 * Whether each value of a panel's key (each geo, product, geo × product…) has its own dates increasing down the
 * file, leaving out the rows that repeat an earlier (date, value) pair (panel.duplicates, reported on
 * their own). A panel sorted by geo and then by date, the natural layout of many exports, goes back
 * in time at each new geo but is in order for the panel.
 * @param csv the parsed cells
 * @param date the date column
 * @param panel what panelColumn found
 * @example panelDatesIncrease(sortedByGeo, 'date', panel) // true
 */
export function panelDatesIncrease(csv: CsvTable, date: string, panel: PanelColumn): boolean {
  const keys = panel.columns.map((c) => csv.header.indexOf(c));
  if (keys.some((j) => j < 0)) return false;
  const repeats = new Set((panel.duplicates ?? []).map((d) => d.row));
  const last = new Map<string, number>();
  for (const d of datedRows(csv, date)) {
    if (repeats.has(d.row)) continue;
    const value = panelKey(csv.rows[d.index], keys);
    const before = last.get(value);
    if (before !== undefined && d.days <= before) return false;
    last.set(value, d.days);
  }
  return true;
}
