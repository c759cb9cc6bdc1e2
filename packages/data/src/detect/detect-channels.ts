import type { IssueCollector } from '../issue-collector.ts';
import { availableColumns } from './available-columns.ts';
import { noChannelsHint, spendByNameHint, type RolesIn } from './role-hints.ts';
import { spendChannelName, spendColumnsByName, spendMarker } from './spend-naming.ts';

/** A paid-media channel: its name and the spend column it is read from. */
export interface ChannelRef {
  name: string;
  column: string;
}

const SPEND_SUFFIX = /_spend$/i;

/**
 * Works out the channels. Without `explicit`, every column ending in `_spend` (case-insensitive) is a
 * channel; when there is none, the numeric columns named like spend under other common conventions
 * (spendColumnsByName: `tv_cost`, `spend_tv`, `mdsp_tv`, Robyn's `tv_S`) are, with a SPEND_BY_NAME
 * warning that lists them. With `explicit`, each entry must be a column, or a channel name whose
 * spend column exists (`tv` finds `tv_spend`, else the only column named like spend for tv, such as
 * `tv_cost` or `mdsp_tv`). A channel's name is its column without the spend marker (spendChannelName).
 * @param header column names
 * @param explicit spend columns named by the user, or undefined to detect them
 * @param issues receives MISSING_COLUMN, NO_CHANNELS and DUPLICATE_CHANNEL errors, SPEND_BY_NAME warnings
 * @param isNumeric whether a column holds numbers only (detection by naming convention needs it; without
 *   it only `_spend` columns are detected)
 * @param rolesIn where the user names the channels, for the hints: `--channels` (default) or the config
 * @param shown the columns the hints list as available (default `header`): the file's own when `header`
 *   is a panel's roll-up, which drops the geo column the user still sees in the file
 * @returns the channels in the order given (explicit) or in file order (detected)
 * @example resolveChannels(['date', 'tv_spend', 'y'], undefined, issues) // [{ name: 'tv', column: 'tv_spend' }]
 * @example resolveChannels(['date', 'mdsp_tv', 'y'], undefined, issues, () => true) // [{ name: 'tv', column: 'mdsp_tv' }] + a warning
 */
export function resolveChannels(
  header: readonly string[],
  explicit: readonly string[] | undefined,
  issues: IssueCollector,
  isNumeric?: (column: string) => boolean,
  rolesIn: RolesIn = 'flags',
  shown: readonly string[] = header,
): ChannelRef[] {
  const channels: ChannelRef[] = [];
  if (explicit === undefined) {
    for (const column of header) if (SPEND_SUFFIX.test(column)) channels.push({ name: spendChannelName(column), column });
    const byName = channels.length === 0 && isNumeric !== undefined ? spendColumnsByName(header, isNumeric) : [];
    for (const column of byName) channels.push({ name: spendChannelName(column), column });
    if (byName.length > 0) {
      issues.warning('SPEND_BY_NAME', `no column ends in "_spend"; ${byName.length} column${byName.length === 1 ? '' : 's'} named like spend became channels: `
        + channels.map((c) => (c.name === c.column ? c.column : `${c.column} (channel ${c.name})`)).join(', '),
      spendByNameHint(rolesIn));
    }
    if (channels.length === 0) {
      issues.error('NO_CHANNELS', 'no spend columns found: channels are detected as columns whose name ends in "_spend" (when none does, as numeric columns named like tv_cost, spend_tv, mdsp_tv or tv_S)',
        noChannelsHint(shown, rolesIn));
    }
  } else {
    const entryOf = new Map<string, string>();
    for (const entry of explicit) {
      const column = entryColumn(header, entry);
      if (column === undefined) {
        issues.error('MISSING_COLUMN', `the channel column "${entry}" is not in the file`,
          `check the spelling (names are case-sensitive); ${availableColumns(shown)}`, { column: entry });
        continue;
      }
      const earlier = entryOf.get(column);
      if (earlier !== undefined) {
        // One error for a repeated entry: not also a role conflict or a name clash with itself.
        const as = earlier === entry ? '' : ` (as "${earlier}" and "${entry}")`;
        issues.error('DUPLICATE_CHANNEL', `the spend column "${column}" is listed twice in ${rolesIn === 'config' ? 'columns.channels' : '--channels'}${as}`,
          `list each channel once: ${channelList(onceEach(header, explicit), rolesIn)}`, { column });
        continue;
      }
      entryOf.set(column, entry);
      channels.push({ name: spendChannelName(column), column });
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

/** The column an entry of --channels names: itself, or the spend column of a channel name. */
function entryColumn(header: readonly string[], entry: string): string | undefined {
  return header.includes(entry) ? entry : columnOfChannel(header, entry);
}

/** The entries without repeats: the first entry naming each column, as the user spelled it. */
function onceEach(header: readonly string[], entries: readonly string[]): string[] {
  const columns = entries.map((e) => entryColumn(header, e) ?? e);
  return entries.filter((_, k) => columns.indexOf(columns[k]) === k);
}

/** A list of channels as the user writes it: `--channels a,b` or `columns.channels: [a, b]`. */
function channelList(columns: readonly string[], rolesIn: RolesIn): string {
  return rolesIn === 'config' ? `columns.channels: [${columns.join(', ')}]` : `--channels ${columns.join(',')}`;
}

/** The spend column of a channel given by name: `<name>_spend` (any case), else the only column named like spend whose channel is `name`. */
function columnOfChannel(header: readonly string[], name: string): string | undefined {
  const key = name.toLowerCase();
  const own = header.find((h) => h.toLowerCase() === `${key}_spend`);
  if (own !== undefined) return own;
  const named = header.filter((h) => spendMarker(h)?.name.toLowerCase() === key);
  return named.length === 1 ? named[0] : undefined;
}
