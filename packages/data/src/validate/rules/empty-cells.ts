import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleOptions, RuleRoles } from '../rule-types.ts';
import { BLANK_REASONS, cellFailures } from '../cell-failures.ts';

/**
 * Rule: no empty, NA-like (NA, N/A, #N/A, null, none, -) or NaN/Infinity cell in the target, spend
 * and control columns. One EMPTY_CELL or NON_FINITE error per cell, column by column in row order.
 * (Empty dates are reported by unparseableDates.)
 * @param csv the parsed cells
 * @param roles resolved roles; without a target, only spends and controls are checked
 * @param options kpiFrom: the KPI of rows before it (carryover warm-up) is not checked
 * @example emptyCells(csv, roles)[0] // { code: 'EMPTY_CELL', message: 'the target value is empty', at: { file: 'd.csv', row: 3, column: 'sales' }, … }
 */
export function emptyCells(csv: CsvTable, roles: RuleRoles, options: RuleOptions = {}): Issue[] {
  return cellFailures(csv, roles, (reason) => BLANK_REASONS.has(reason), options.kpiFrom);
}
