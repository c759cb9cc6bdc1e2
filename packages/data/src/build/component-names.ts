import type { IssueCollector } from '../issue-collector.ts';
import type { ChannelRef } from '../detect/detect-channels.ts';
import { spendMarker } from '../detect/spend-naming.ts';

/**
 * Names the outputs use for their own columns (decomposition.csv: date, actual, fitted, holdout) and
 * for the model's built-in terms (intercept, trend, trend_cp1…, sin1/cos1…, dow_mon…). A channel,
 * control or event with one of these names would give decomposition.csv two columns of that name.
 */
const RESERVED = /^(date|actual|fitted|holdout|intercept|trend|trend_cp\d+|sin\d+|cos\d+|dow_\w+)$/i;

/**
 * Whether a name is one the outputs or the model's built-in terms use (RESERVED), ignoring case.
 * @example isReservedName('trend') // true
 */
export function isReservedName(name: string): boolean {
  return RESERVED.test(name);
}

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
  roles: { channels: readonly ChannelRef[]; controls: readonly string[]; events: readonly string[]; organic?: readonly string[] },
): void {
  const seen = new Map<string, string>();
  const terms = [
    ...roles.channels.map((c) => ({ name: c.name, column: c.column, channel: true, what: c.name === c.column ? `channel "${c.name}"` : `channel "${c.name}" (column ${c.column})` })),
    ...roles.controls.map((c) => ({ name: c, column: c, channel: false, what: `control "${c}"` })),
    ...roles.events.map((e) => ({ name: e, column: e, channel: false, what: `event "${e}"` })),
    ...(roles.organic ?? []).map((o) => ({ name: o, column: o, channel: false, what: `organic media "${o}"` })),
  ];
  for (const t of terms) {
    if (RESERVED.test(t.name)) {
      issues.error('RESERVED_NAME', `the ${t.what} has a name Mixwise uses for its own output columns or model terms (date, actual, fitted, holdout, intercept, trend, trend_cp1…, sin1…, cos1…, dow_…)`,
        renameHint(t, t.channel ? 'media' : 'x'), { column: t.column });
      continue;
    }
    const key = t.name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      issues.error('NAME_CONFLICT', `the ${t.what} has the same name as the ${other}: the model's outputs (decomposition.csv, exports) would have two columns "${t.name}"`,
        renameHint(t, t.channel ? '2' : 'index'), { column: t.column });
    } else {
      seen.set(key, t.what);
    }
  }
}

/**
 * The fix of a name clash: rename the column. A channel's column keeps its spend marker, with the
 * channel part renamed (`trend_spend` → `trend_media_spend`, `spend_trend` → `spend_trend_media`), so
 * the new name is still detected as that channel's spend: `trend_spend_x` would lose the `_spend`
 * ending and be read as a control.
 * @param t the term: its model name, its column, and whether it is a channel
 * @param tag the word added to the name (`media`, `x`, `index`)
 * @example renameHint({ name: 'trend', column: 'trend_spend', channel: true }, 'media')
 * // 'rename the column "trend_spend" in the data file, keeping its "spend" marker so it stays a channel, e.g. to "trend_media_spend" (or to the medium's name, such as "tv_spend")'
 */
export function renameHint(t: { name: string; column: string; channel: boolean }, tag: string): string {
  const renamed = suggestedColumn(t, tag);
  if (!t.channel) return `rename the column "${t.column}" in the data file, e.g. to "${renamed}"`;
  const marker = spendMarker(t.column);
  if (marker === undefined || marker.name !== t.name) {
    return `rename the column "${t.column}" in the data file, e.g. to "${renamed}", and list the new name with --channels (columns.channels in mixwise.yaml)`;
  }
  return `rename the column "${t.column}" in the data file, keeping its "${marker.marker}" marker so it stays a channel, e.g. to "${renamed}" (or to the medium's name, such as "${marker.at === 'end' ? `tv${t.column.slice(t.name.length)}` : `${t.column.slice(0, t.column.length - t.name.length)}tv`}")`;
}

/** A new column name: the channel part of a spend column renamed (checked to read back as that channel), else the column with `_<tag>`. */
function suggestedColumn(t: { name: string; column: string; channel: boolean }, tag: string): string {
  const plain = `${t.column}_${tag}`;
  if (!t.channel) return plain;
  const marker = spendMarker(t.column);
  if (marker === undefined || marker.name !== t.name) return plain;
  const name = `${t.name}_${tag}`;
  const renamed = marker.at === 'end' ? `${name}${t.column.slice(t.name.length)}` : `${t.column.slice(0, t.column.length - t.name.length)}${name}`;
  return spendMarker(renamed)?.name === name && !RESERVED.test(name) ? renamed : plain;
}
