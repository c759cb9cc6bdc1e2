import type { CsvTable } from '../read/read-csv.ts';
import type { RuleRoles, ValidationRoles } from './rule-types.ts';
import { IssueCollector } from '../issue-collector.ts';
import { resolveRoles } from '../build/resolve-roles.ts';

/**
 * Resolves the roles for the table rules (date column and channels detected when not given, missing
 * columns left out) without reporting anything: the missingColumns rule reports the problems. The
 * roles as asked are kept beside them (`requested`).
 * @param csv the parsed cells
 * @param requested the roles asked for; the target may be left out
 * @example resolveRuleRoles(csv, {}).date // 'date'
 */
export function resolveRuleRoles(csv: CsvTable, requested: ValidationRoles): RuleRoles {
  return { ...resolveRoles(csv, requested, new IssueCollector(csv.file, Number.POSITIVE_INFINITY)), requested };
}
