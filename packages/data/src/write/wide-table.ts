import type { ModelingTable } from '@mixwise/engine';
import type { CsvCell } from './write-csv.ts';

/** A series to write beside the table's own columns (e.g. a simulator's `pipeline`). */
export interface ExtraColumn {
  readonly name: string;
  readonly values: ArrayLike<number>;
}

/**
 * Lays a ModelingTable out as one wide CSV table, one row per period, in the layout tableFromCsv
 * reads back: `date`, the target (empty where it is NaN: an unknown KPI of a carryover warm-up row), `<channel>_spend` per channel (and `<channel>_exposure` when the
 * channel has an exposure series), the controls, the events, the organic media, then any extra columns.
 * @param table the modeling table, nTimes rows
 * @param extra further series of length nTimes
 * @returns header and rows for toCsv / writeCsvAtomic
 * @throws RangeError when an extra column's length differs from nTimes, or two columns share a name
 * @example wideTable(table).columns // ['date', 'revenue', 'tv_spend', 'search_spend', 'price', 'black_friday']
 */
export function wideTable(table: ModelingTable, extra: readonly ExtraColumn[] = []): { columns: string[]; rows: CsvCell[][] } {
  const series: { name: string; values: ArrayLike<number> }[] = [{ name: table.target.name, values: table.target.values }];
  for (const c of table.channels) {
    series.push({ name: `${c.name}_spend`, values: c.spend });
    if (c.exposure !== undefined) series.push({ name: `${c.name}_exposure`, values: c.exposure });
  }
  for (const c of table.controls) series.push(c);
  for (const e of table.events) series.push(e);
  // Organic media under their own column, so a fit of the written table can name them with --organic.
  for (const o of table.organic ?? []) series.push({ name: o.column, values: o.values });
  series.push(...extra);
  const n = table.dates.length;
  const columns = ['date', ...series.map((s) => s.name)];
  const seen = new Set<string>();
  for (const name of columns) {
    if (seen.has(name)) throw new RangeError(`wideTable: two columns are named "${name}"`);
    seen.add(name);
  }
  for (const s of series) {
    if (s.values.length !== n) throw new RangeError(`wideTable: column "${s.name}" has ${s.values.length} values, expected ${n}`);
  }
  // A KPI left unknown in carryover warm-up rows (NaN) stays an empty cell, as it was in the file.
  const target = series[0];
  const rows: CsvCell[][] = table.dates.map((date, t) => [date, ...series.map((s) => (s === target && Number.isNaN(s.values[t]) ? null : s.values[t]))]);
  return { columns, rows };
}
