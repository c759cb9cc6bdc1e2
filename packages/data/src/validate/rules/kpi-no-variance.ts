import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleOptions, RuleRoles } from '../rule-types.ts';
import { columnValues } from '../numeric-columns.ts';
import { makeIssue } from '../make-issue.ts';
import { warmUpRows } from '../../window/warm-up-rows.ts';

/**
 * Rule: the KPI varies. A target with the same value in every period (two rows or more) is one
 * CONSTANT_TARGET error: there is nothing to explain. Skipped while any target cell is unreadable
 * (those cells are reported by emptyCells / nonNumericValues) and without a target.
 * @param csv the parsed cells
 * @param roles resolved roles
 * @param options kpiFrom: only the KPI of rows from this date on (the fitted ones) counts
 * @example kpiNoVariance(csv, roles)[0].message // 'the target has the same value (5) in every period'
 */
export function kpiNoVariance(csv: CsvTable, roles: RuleRoles, options: RuleOptions = {}): Issue[] {
  if (roles.target === undefined) return [];
  const all = columnValues(csv, roles.target);
  const warmUp = warmUpRows(csv, roles.date, options.kpiFrom);
  const values = warmUp === undefined ? all : all?.filter((_, i) => !warmUp[i]);
  if (values === undefined || values.length < 2 || values.some(Number.isNaN)) return [];
  if (!values.every((v) => v === values[0])) return [];
  return [makeIssue('CONSTANT_TARGET', 'error', `the target has the same value (${values[0]}) in every period`,
    'check that the right column is the target: a constant KPI has nothing to explain', { file: csv.file, column: roles.target })];
}
