// Test helpers for the validation rules and cleaning steps: CSV cells → parsed table + resolved roles.
import type { CsvTable } from '../src/read/read-csv.ts';
import type { RuleRoles, ValidationRoles } from '../src/validate/rule-types.ts';
import { parseCsvText } from '../src/read/read-csv.ts';
import { resolveRuleRoles } from '../src/validate/resolve-rule-roles.ts';
import { toText } from './make-csv.ts';

/** Roles of the base table (see baseCells): target sales, channels tv and search, control price, event promo. */
export const BASE_ROLES: ValidationRoles = { target: 'sales', controls: ['price'], events: ['promo'] };

/** Parses cells as the file `d.csv` and resolves the roles. */
export function ruleCase(cells: string[][], requested: ValidationRoles = BASE_ROLES, delimiter = ','): { csv: CsvTable; roles: RuleRoles } {
  const csv = parseCsvText(toText(cells, delimiter), 'd.csv');
  return { csv, roles: resolveRuleRoles(csv, requested) };
}

/** [code, row, column] of each issue, for compact assertions. */
export function located(issues: readonly { code: string; at: { row?: number; column?: string } }[]): (string | number | undefined)[][] {
  return issues.map((i) => [i.code, i.at.row, i.at.column]);
}
