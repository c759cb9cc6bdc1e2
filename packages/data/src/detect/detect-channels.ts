import type { IssueCollector } from '../issue-collector.ts';
import { availableColumns } from './available-columns.ts';

/** A paid-media channel: its name and the spend column it is read from. */
export interface ChannelRef {
  name: string;
  column: string;
}

const SPEND_SUFFIX = /_spend$/i;
const ROBYN_SUFFIX = /_S$/;

/**
 * The channel name of a spend column: the part before a `_spend` suffix (any case). Robyn's `_S`
 * suffix is stripped too, but only for columns the user named explicitly (elsewhere `_S` may mean
 * something else). Other names are kept whole.
 * @param column the spend column's name
 * @param explicit whether the user named the column
 * @example channelName('TV_Spend', false) // 'TV'
 * @example channelName('tv_S', true) // 'tv'
 */
export function channelName(column: string, explicit: boolean): string {
  if (SPEND_SUFFIX.test(column)) return column.replace(SPEND_SUFFIX, '');
  if (explicit && ROBYN_SUFFIX.test(column) && column.length > 2) return column.replace(ROBYN_SUFFIX, '');
  return column;
}

/**
 * Works out the channels. Without `explicit`, every column ending in `_spend` (case-insensitive) is a
 * channel. With `explicit`, each entry must be a column, or a channel name whose `<name>_spend` column
 * exists (so `tv` finds `tv_spend`).
 * @param header column names
 * @param explicit spend columns named by the user, or undefined to detect them
 * @param issues receives MISSING_COLUMN, NO_CHANNELS and DUPLICATE_CHANNEL errors
 * @returns the channels in the order given (explicit) or in file order (detected)
 * @example resolveChannels(['date', 'tv_spend', 'y'], undefined, issues) // [{ name: 'tv', column: 'tv_spend' }]
 */
export function resolveChannels(
  header: readonly string[],
  explicit: readonly string[] | undefined,
  issues: IssueCollector,
): ChannelRef[] {
  const channels: ChannelRef[] = [];
  if (explicit === undefined) {
    for (const column of header) if (SPEND_SUFFIX.test(column)) channels.push({ name: channelName(column, false), column });
    if (channels.length === 0) {
      issues.error('NO_CHANNELS', 'no spend columns found: channels are detected as columns whose name ends in "_spend"',
        `rename the spend columns to <channel>_spend, or name them with --channels col1,col2 (${availableColumns(header)})`);
    }
  } else {
    for (const entry of explicit) {
      const column = header.includes(entry)
        ? entry
        : header.find((h) => h.toLowerCase() === `${entry.toLowerCase()}_spend`);
      if (column === undefined) {
        issues.error('MISSING_COLUMN', `the channel column "${entry}" is not in the file`,
          `check the spelling (names are case-sensitive); ${availableColumns(header)}`, { column: entry });
        continue;
      }
      channels.push({ name: channelName(column, true), column });
    }
    if (explicit.length === 0) issues.error('NO_CHANNELS', 'the list of channels is empty', 'name at least one spend column');
  }
  const seen = new Map<string, string>();
  for (const c of channels) {
    const key = c.name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      issues.error('DUPLICATE_CHANNEL', `columns "${other}" and "${c.column}" both give the channel name "${c.name}"`,
        'keep one spend column per channel (sum them into one column if they are the same channel)', { column: c.column });
    }
    seen.set(key, c.column);
  }
  return channels;
}
