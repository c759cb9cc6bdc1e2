import type { Issue } from '@mixwise/contracts';
import { CLEANING_LABELS } from './cleaning-labels.ts';

/**
 * Hints written for the Data page instead of the command line: the data layer's hints name CLI flags
 * (--controls, --channels, --target) or mixwise.yaml keys, which mean nothing in the dashboard, where
 * the same fix is a role in the column table.
 */
const ROLE_HINTS: Readonly<Record<string, string>> = {
  UNUSED_COLUMNS: 'set the role of the columns that drive the KPI (price, distribution, competitor activity…) to Control, and 0/1 columns to Event, in the column table above',
  CHANNEL_NEVER_SPENDS: 'set this column\'s role to Ignore: a channel that never spends cannot be estimated',
  CONSTANT_CONTROL: 'set this column\'s role to Ignore: a constant control explains nothing',
  NO_CHANNELS: 'set the role of each spend column to Channel in the column table above',
};

/**
 * The hint to show for an issue on the Data page: a role-table instruction for issues fixed by a role,
 * otherwise the data layer's own hint with any trailing command-line alternative removed, pointing to
 * the Cleaning choice that fixes it when there is one (`fix`, set by the server). In a refused upload
 * the Cleaning choices are not on screen (they come with the column roles of an accepted file, and
 * ticking one does not change the refusal): the hint then says to fix the other errors and upload again first.
 * @param issue a validation issue from the server
 * @param where 'refused': the issue is listed under a refused upload
 * @returns the hint text
 * @example dashboardHint({ code: 'CHANNEL_NEVER_SPENDS', … }) // "set this column's role to Ignore: …"
 */
export function dashboardHint(issue: Pick<Issue, 'code' | 'hint' | 'fix'>, where: 'refused' | 'accepted' = 'accepted'): string {
  const own = ROLE_HINTS[issue.code];
  if (own !== undefined) return own;
  // The command line's "…; or let Mixwise change it…: mixwise fit --clean …" is a tick under Cleaning here.
  const plain = issue.hint.replace(/;? or let Mixwise change it and log every change:.*$/s, '');
  if (issue.fix !== undefined) {
    const tick = `"${CLEANING_LABELS[issue.fix].label}"`;
    return where === 'refused'
      ? `${plain}; or, once the errors of the file are fixed and it is uploaded again, tick ${tick} under Cleaning in 2 · Column roles (every change is logged)`
      : `${plain}; or tick ${tick} under Cleaning (every change is logged)`;
  }
  return plain.replace(/\s*\(?\bwith --[a-z-]+.*$/s, '');
}
