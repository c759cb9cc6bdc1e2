import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleOptions, ValidationRoles } from '../rule-types.ts';
import { IssueCollector } from '../../issue-collector.ts';
import { resolveRoles } from '../../build/resolve-roles.ts';

/**
 * Rule: every column the roles name is in the file, a date column and spend columns can be found,
 * and no column has two roles (MISSING_COLUMN with the available columns in the hint, NO_DATE_COLUMN,
 * NO_CHANNELS, DUPLICATE_CHANNEL, ROLE_CONFLICT, UNKNOWN_CONTROL_SIGN errors; see resolveRoles).
 * @param csv the parsed cells
 * @param requested the roles asked for; the target may be left out
 * @param options rolesIn: where the user sets the roles, for the hints (default the command line)
 * @example missingColumns(csv, { target: 'revenue' })[0] // { code: 'MISSING_COLUMN', at: { file: 'data.csv', column: 'revenue' }, … }
 */
export function missingColumns(csv: CsvTable, requested: ValidationRoles, options: RuleOptions = {}): Issue[] {
  const issues = new IssueCollector(csv.file, Number.POSITIVE_INFINITY);
  resolveRoles(csv, requested, issues, options.rolesIn);
  return issues.list();
}
