import type { Issue } from '@mixwise/contracts';
import { IssueCollector, moreIssuesOf } from '@mixwise/data';

/**
 * Hints for issues that reach a client through the API. The data layer's hints name the command line
 * (`--date COL`, `--channels`, `--controls`) or mixwise.yaml, which an upload in the dashboard or an
 * API client cannot use: there the fix is a role in the column table, sent as `roles.<field>`.
 */

/** Where the issue was found: the upload itself (no roles chosen yet; a refused file must be sent again), or a role check / fit request. */
export type IssueStage = 'upload' | 'roles';

/** The parenthesised list at the end of a data-layer hint ("(available columns: …)"), kept as it is. */
const tail = (hint: string, label: string): string => {
  const m = new RegExp(`\\((${label}: .*)\\)$`, 's').exec(hint);
  return m === null ? '' : ` (${m[1]})`;
};

const ROLE_HINTS: Readonly<Record<string, (i: Issue, stage: IssueStage) => string>> = {
  NO_DATE_COLUMN: (i, stage) => (stage === 'upload'
    ? 'the file needs a column of dates, one row per period, like 2024-01-31: add or fix it and upload the file again'
    : 'set the role of the date column to Date in the column table ("roles.date" in the request); dates must look like 2024-01-31')
    + tail(i.hint, 'available columns'),
  NO_CHANNELS: (i) => 'no column is named <channel>_spend: set the role of each spend column to Channel in the column table ("roles.channels" in the request)'
    + tail(i.hint, 'available columns'),
  SPEND_BY_NAME: () => 'check the Channel roles in the column table: set any column that is not spend to Ignore, and any spend column missed to Channel ("roles.channels" in the request)',
  ORGANIC_ALL_ZERO: () => 'an organic column that is 0 in every period cannot be estimated: set this column\'s role to Ignore in the column table (leave it out of "roles.organic")',
  CHANNEL_NEVER_SPENDS: () => 'a channel that never spends cannot be estimated: set this column\'s role to Ignore in the column table (leave it out of "roles.channels")',
  UNUSED_COLUMNS: (i) => 'set the role of those that drive the KPI (price, distribution, competitor activity…) to Control ("roles.controls" in the request), '
    + 'and 0/1 event columns to Event ("roles.events")' + tail(i.hint, 'candidates'),
  AUTO_CONTROLS: () => 'check that each one drives the KPI and is not itself moved by the media; choose the controls in the column table ("roles.controls" in the request)',
};

/** A hint that names a command-line flag or the config file. */
const CLI_WORDS = /(^|[\s(])--[a-z]|mixwise\.yaml|mixwise (fit|init|validate|prepare)\b/;

/**
 * The hint an API client can follow: the role-table wording for the issues a role fixes, the data
 * layer's own hint otherwise. A missing KPI column whose hint names `--target` is told to pick the
 * "target" role.
 * @param issue an issue from @mixwise/data
 * @param stage the upload (a refused file is sent again) or a role check / fit
 * @example apiHint({ code: 'NO_DATE_COLUMN', hint: 'name the date column with --date COL; … (available columns: y, tv)', … }, 'upload')
 *   // 'the file needs a column of dates, … upload the file again (available columns: y, tv)'
 */
export function apiHint(issue: Issue, stage: IssueStage): string {
  const own = ROLE_HINTS[issue.code];
  if (own !== undefined) return own(issue, stage);
  if (issue.code === 'MISSING_COLUMN' && issue.hint.includes('--target')) {
    return 'set the role of the KPI column to Target in the column table ("roles.target" in the request)' + tail(issue.hint, 'numeric columns');
  }
  return issue.hint;
}

/** Whether a hint still speaks of the command line (for tests: no API hint should). */
export function namesCommandLine(hint: string): boolean {
  return CLI_WORDS.test(hint);
}

/** Issues of one code and severity kept before the rest are summed up in one MORE_ISSUES issue. */
export const ISSUES_PER_CODE = 5;

/**
 * The issues as an API answer shows them: hints an API client can follow (apiHint), and at most
 * `perCode` issues of one code and severity (a numeric column taken as the panel gives one
 * PANEL_UNBALANCED error per date), the rest counted in one MORE_ISSUES issue per code ("and 151 more …"),
 * as the command line's validation does. A MORE_ISSUES summary in `issues` adds its count to its
 * code's total (one summary per code); a summary takes the cleaning `fix` every listed issue of its code has.
 * @param issues the issues in the order found
 * @param stage the upload or a role check / fit
 * @param perCode issues kept per code and severity (default ISSUES_PER_CODE)
 * @example apiIssues(Array(156).fill(unbalanced), 'roles').length // 6: five, and "and 151 more PANEL_UNBALANCED errors …"
 */
export function apiIssues(issues: readonly Issue[], stage: IssueStage, perCode = ISSUES_PER_CODE): Issue[] {
  // A summary already in the list (the data layer keeps 10 of a code) adds its count to its code's: one summary per code.
  const collector = new IssueCollector(undefined, perCode);
  for (const i of issues) collector.add({ ...i, hint: apiHint(i, stage) });
  const listed = collector.list() as Issue[];
  return listed.map((i) => {
    const code = moreIssuesOf(i)?.code;
    const fixes = new Set(listed.filter((l) => l.code === code && l.severity === i.severity).map((l) => l.fix));
    const [fix] = fixes;
    // The unlisted ones take the cleaning fix all the listed ones of their code name, so ticking it hides the summary too.
    return code === undefined || fixes.size !== 1 || fix === undefined ? i : { ...i, fix };
  });
}
