import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleOptions, RuleRoles } from '../rule-types.ts';
import { neverSpendsHint, organicAllZeroHint } from '../../detect/role-hints.ts';
import { columnValues } from '../numeric-columns.ts';
import { makeIssue } from '../make-issue.ts';

/**
 * Rule: each channel spends in at least one period. A spend column that is 0 in every row is one
 * CHANNEL_NEVER_SPENDS error: its effect cannot be estimated, and fitting it anyway would report a
 * meaningless ROI, so the user must leave it out explicitly. Organic media get the same treatment: an
 * organic column at 0 in every period is one ORGANIC_ALL_ZERO error (no exposure, so no effect to
 * measure). Columns with unreadable cells are skipped (reported by the cell rules).
 * @param csv the parsed cells
 * @param roles resolved roles
 * @param options rolesIn: where the user sets the channels, for the hint (default the command line)
 * @example channelNoSpend(csv, roles)[0].message // 'channel "tv" has zero spend in every period'
 */
export function channelNoSpend(csv: CsvTable, roles: RuleRoles, options: RuleOptions = {}): Issue[] {
  const out: Issue[] = [];
  for (const c of roles.channels ?? []) {
    const spend = columnValues(csv, c.column);
    if (spend === undefined || !spend.every((v) => v === 0)) continue;
    out.push(makeIssue('CHANNEL_NEVER_SPENDS', 'error', `channel "${c.name}" has zero spend in every period, so its effect cannot be estimated`,
      neverSpendsHint(options.rolesIn), { file: csv.file, column: c.column }));
  }
  for (const column of roles.organic ?? []) {
    const values = columnValues(csv, column);
    if (values === undefined || values.length === 0 || !values.every((v) => v === 0)) continue;
    out.push(makeIssue('ORGANIC_ALL_ZERO', 'error', `organic column "${column}" is 0 in every period, so its effect cannot be estimated`,
      organicAllZeroHint(options.rolesIn), { file: csv.file, column }));
  }
  return out;
}
