import type { CsvTable } from '../read/read-csv.ts';
import type { RuleRoles } from './rule-types.ts';
import { columnValues } from './numeric-columns.ts';
import { warmUpRows } from '../window/warm-up-rows.ts';

/** The values of the KPI or of one spend column, as the fit reads them. */
export interface KpiOrSpendValues {
  readonly column: string;
  /** True for a spend column, false for the KPI. */
  readonly spend: boolean;
  /** [nRows] the values, NaN where a cell is unreadable or (KPI only) a warm-up row that is not fitted. */
  readonly values: Float64Array;
}

/**
 * The KPI (when known) and each spend column in the file, with their values: the KPI of warm-up rows
 * (dated before `kpiFrom`, see warmUpRows) left out as NaN, since it is never fitted.
 * @param csv the parsed cells
 * @param roles resolved roles
 * @param kpiFrom first date whose KPI is fitted (default: every row)
 * @example kpiAndSpendValues(csv, { target: 'revenue', channels: [{ name: 'tv', column: 'tv_spend' }] }).map((c) => c.column)
 * // ['revenue', 'tv_spend']
 */
export function kpiAndSpendValues(csv: CsvTable, roles: RuleRoles, kpiFrom?: string): KpiOrSpendValues[] {
  const out: KpiOrSpendValues[] = [];
  const kpi = kpiValues(csv, roles, kpiFrom);
  if (roles.target !== undefined && kpi !== undefined) out.push({ column: roles.target, spend: false, values: kpi });
  for (const c of roles.channels ?? []) {
    const values = columnValues(csv, c.column);
    if (values !== undefined) out.push({ column: c.column, spend: true, values });
  }
  return out;
}

/**
 * The KPI's values as the fit reads them: NaN where a cell is unreadable or the row only warms up
 * carryover (dated before `kpiFrom`, see warmUpRows), since its KPI is never fitted.
 * @param csv the parsed cells
 * @param roles resolved roles (the target and the date column)
 * @param kpiFrom first date whose KPI is fitted (default: every row)
 * @returns shape [nRows], or undefined when there is no target or it is not in the file
 * @example kpiValues(csv, { target: 'sales', date: 'date' }, '2024-01-08') // Float64Array [NaN, 1010, 1020]
 */
export function kpiValues(csv: CsvTable, roles: RuleRoles, kpiFrom?: string): Float64Array | undefined {
  if (roles.target === undefined) return undefined;
  const values = columnValues(csv, roles.target);
  if (values === undefined) return undefined;
  warmUpRows(csv, roles.date, kpiFrom)?.forEach((w, i) => { if (w) values[i] = Number.NaN; });
  return values;
}
