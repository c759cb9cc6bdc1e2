import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleOptions, RuleRoles } from '../rule-types.ts';
import { BLANK_REASONS, cellFailures } from '../cell-failures.ts';

/**
 * Rule: every filled cell of the target, spend and control columns is a plain number (see
 * parseNumber). One error per cell naming the value: NOT_A_NUMBER (text, or thousands separators in a
 * comma file), CURRENCY_SYMBOL, PERCENT_VALUE or DECIMAL_COMMA. Empty and NaN cells are left to emptyCells.
 * @param csv the parsed cells
 * @param roles resolved roles; without a target, only spends and controls are checked
 * @param options kpiFrom: the KPI of rows before it (carryover warm-up) is not checked
 * @example nonNumericValues(csv, roles)[0].message // 'value "abc" is not a number'
 */
export function nonNumericValues(csv: CsvTable, roles: RuleRoles, options: RuleOptions = {}): Issue[] {
  return cellFailures(csv, roles, (reason) => !BLANK_REASONS.has(reason), options.kpiFrom);
}
