// The outlier check of a geo panel, run per geo on slices of the file's columns: the same issues as
// extremeOutliers on a table of each geo's rows, without building one per geo (700 geos × 156 weeks:
// about 500 MB of short-lived tables, parse results and date reads).
import type { CsvTable } from '../read/read-csv.ts';
import type { Issue } from '../issue.ts';
import type { RuleRoles } from '../validate/rule-types.ts';
import type { PanelRows } from './panel-rows.ts';
import { kpiAndSpendValues, type KpiOrSpendValues } from '../validate/kpi-spend-values.ts';
import { scoreOutliers } from '../validate/rules/extreme-outliers.ts';
import { readsCellByCell } from '../read/dot-thousands.ts';

/**
 * EXTREME_OUTLIER per geo: each geo's rows in date order scored as extremeOutliers scores a series.
 * The file's KPI and spend columns are read once (kpiAndSpendValues: a row's value and its warm-up
 * flag depend on that row alone) and each geo takes its slice; a column whose cells are read by their
 * column's context (readsCellByCell: `9.388` beside `1.856.920`) is read again from the geo's own
 * cells, as a table of the geo's rows would read it. A geo's rows have one date each (panelRows), so
 * such a table is never a panel that extremeOutliers would skip.
 * @param csv the panel file's cells
 * @param rows the panel's index
 * @param roles the resolved roles (the KPI and the channels' spend columns are scored)
 * @param options kpiFrom: warm-up rows' KPI is not scored
 * @returns the issues, geo by geo (rows.geos order), each geo's in the order extremeOutliers gives
 * @example geoOutliers(csv, rows, roles)[0].at.row // 102
 */
export function geoOutliers(csv: CsvTable, rows: PanelRows, roles: RuleRoles, options: { kpiFrom?: string } = {}): Issue[] {
  const whole = kpiAndSpendValues(csv, roles, options.kpiFrom);
  const byContext = new Set(whole.filter((c) => !readsCellByCell(cellsOf(csv, c.column), csv.delimiter)).map((c) => c.column));
  const out: Issue[] = [];
  for (const byDate of rows.rowOf) {
    const order = [...byDate.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, i]) => i);
    const own = byContext.size === 0 ? [] : kpiAndSpendValues(geoTable(csv, order), roles, options.kpiFrom);
    const columns: KpiOrSpendValues[] = whole.map((c) => (byContext.has(c.column)
      ? { ...c, values: (own.find((o) => o.column === c.column) as KpiOrSpendValues).values }
      : { ...c, values: slice(c.values, order) }));
    for (const issue of scoreOutliers(columns, slice(csv.rowNumbers, order), csv.file, roles, options)) out.push(issue);
  }
  return out;
}

/** A column's cells, '' where a row is short. */
function cellsOf(csv: CsvTable, column: string): string[] {
  const j = csv.header.indexOf(column);
  return csv.rows.map((r) => r[j] ?? '');
}

/** The values at `order` (a typed array filled by index: no iterator per geo and column). */
function slice(values: ArrayLike<number>, order: readonly number[]): Float64Array {
  const out = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]];
  return out;
}

/** One geo's rows of the file in date order, as a table of its own (not a panel: no summedRows). */
function geoTable(csv: CsvTable, order: readonly number[]): CsvTable {
  const { summedRows: _summed, ...rest } = csv;
  return { ...rest, rows: order.map((i) => csv.rows[i]), rowNumbers: order.map((i) => csv.rowNumbers[i]) };
}
