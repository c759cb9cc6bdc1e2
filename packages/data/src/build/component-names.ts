import type { IssueCollector } from '../issue-collector.ts';
import type { ChannelRef } from '../detect/detect-channels.ts';

/**
 * Names the outputs use for their own columns (decomposition.csv: date, actual, fitted, holdout) and
 * for the model's built-in terms (intercept, trend, trend_cp1…, sin1/cos1…, dow_mon…). A channel,
 * control or event with one of these names would give decomposition.csv two columns of that name.
 */
const RESERVED = /^(date|actual|fitted|holdout|intercept|trend|trend_cp\d+|sin\d+|cos\d+|dow_\w+)$/i;

/**
 * Reports model names that would collide in decomposition.csv and the exports: a reserved name
 * (RESERVED_NAME), or a control/event named like a channel or like each other (NAME_CONFLICT, e.g. a
 * `search` index beside the `search_spend` channel). Compared ignoring case, as SQLite and most
 * spreadsheet tools treat column names.
 * @param issues receives the errors, located at the column
 * @param roles the channels (model name and column), controls and events (column names)
 * @example checkComponentNames(issues, { channels: [{ name: 'search', column: 'search_spend' }], controls: ['search'], events: [] })
 */
export function checkComponentNames(
  issues: IssueCollector,
  roles: { channels: readonly ChannelRef[]; controls: readonly string[]; events: readonly string[] },
): void {
  const seen = new Map<string, string>();
  const terms = [
    ...roles.channels.map((c) => ({ name: c.name, column: c.column, what: c.name === c.column ? `channel "${c.name}"` : `channel "${c.name}" (column ${c.column})` })),
    ...roles.controls.map((c) => ({ name: c, column: c, what: `control "${c}"` })),
    ...roles.events.map((e) => ({ name: e, column: e, what: `event "${e}"` })),
  ];
  for (const t of terms) {
    if (RESERVED.test(t.name)) {
      issues.error('RESERVED_NAME', `the ${t.what} has a name Mixwise uses for its own output columns or model terms (date, actual, fitted, holdout, intercept, trend, trend_cp1…, sin1…, cos1…, dow_…)`,
        `rename the column "${t.column}" in the data file, e.g. to "${t.column}_x"`, { column: t.column });
      continue;
    }
    const key = t.name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      issues.error('NAME_CONFLICT', `the ${t.what} has the same name as the ${other}: the model's outputs (decomposition.csv, exports) would have two columns "${t.name}"`,
        `rename the column "${t.column}" in the data file, e.g. to "${t.column}_index"`, { column: t.column });
    } else {
      seen.set(key, t.what);
    }
  }
}
