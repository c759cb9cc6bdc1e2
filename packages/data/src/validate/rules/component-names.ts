import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { IssueCollector } from '../../issue-collector.ts';
import { checkComponentNames } from '../../build/component-names.ts';

/**
 * Rule: the channels, controls and events have names the outputs can hold (checkComponentNames:
 * RESERVED_NAME, NAME_CONFLICT), so `mixwise validate` reports what `mixwise fit` would refuse
 * (a `trend_spend` column is the channel "trend", a name of the model's trend term).
 * @param csv the parsed cells
 * @param roles resolved roles (channels detected, controls and events as given)
 * @example componentNames(csv, { channels: [{ name: 'trend', column: 'trend_spend' }] }).map((i) => i.code) // ['RESERVED_NAME']
 */
export function componentNames(csv: CsvTable, roles: RuleRoles): Issue[] {
  const issues = new IssueCollector(csv.file, Number.POSITIVE_INFINITY);
  checkComponentNames(issues, { channels: roles.channels ?? [], controls: roles.controls ?? [], events: roles.events ?? [] });
  return issues.list();
}
