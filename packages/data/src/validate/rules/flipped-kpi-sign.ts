import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleOptions, RuleRoles } from '../rule-types.ts';
import { makeIssue } from '../make-issue.ts';
import { kpiValues } from '../kpi-spend-values.ts';
import { duckdbReplaceHint } from '../duckdb-hint.ts';
import { mostlyNegative } from '../mostly-negative.ts';
import { nonNegativeKpi } from './negative-kpi.ts';

/**
 * Rule: a revenue or count KPI (nonNegativeKpi: not named like a signed figure such as profit or net)
 * is not negative in most of its fitted periods. When more than half of them are (mostlyNegative), the
 * sign of the column was flipped in the export: one KPI_SIGN_FLIPPED error naming the column, the
 * count and the first negative row, instead of one NEGATIVE_KPI warning per row (negativeKpi then
 * says nothing). KPI cells of warm-up rows (before kpiFrom) are not counted.
 * @param csv the parsed cells
 * @param roles resolved roles (the target is checked)
 * @param options kpiFrom: the first date whose KPI is fitted
 * @example flippedKpiSign(allNegative, { target: 'revenue', date: 'date' })[0].code // 'KPI_SIGN_FLIPPED'
 */
export function flippedKpiSign(csv: CsvTable, roles: RuleRoles, options: RuleOptions = {}): Issue[] {
  if (roles.target === undefined || !nonNegativeKpi(roles)) return [];
  const column = roles.target;
  const values = kpiValues(csv, roles, options.kpiFrom);
  if (values === undefined || !mostlyNegative(values)) return [];
  const negative = values.filter((v) => v < 0).length;
  const read = values.filter((v) => !Number.isNaN(v)).length;
  const first = values.findIndex((v) => v < 0);
  return [makeIssue('KPI_SIGN_FLIPPED', 'error',
    `the KPI "${column}" is negative in ${negative} of its ${read} fitted periods (the first: ${csv.rows[first][csv.header.indexOf(column)]} on row ${csv.rowNumbers[first]}): `
    + 'a revenue or count cannot be, so its sign was most likely flipped in the export (written as a debit or a cost)',
    `export the KPI with its sign as sales (positive), or flip it, e.g. with DuckDB: ${duckdbReplaceHint(csv.file, column, (c) => `-${c}`, 'fixed.csv')}; `
    + 'or in a spreadsheet, multiply the column by -1; if the KPI really is a signed figure (a profit, a net change), name it so (net_revenue, profit) or choose another KPI',
    { file: csv.file, row: csv.rowNumbers[first], column })];
}
