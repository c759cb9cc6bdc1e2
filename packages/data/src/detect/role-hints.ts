import { availableColumns } from './available-columns.ts';

/**
 * Where the user sets the column roles, so a hint names a fix that can be typed: the command line
 * (`--date`, `--channels` of init, validate and fit) or the config (`columns:` of mixwise.yaml, as
 * `mixwise prepare`, which has no role flags, needs).
 */
export type RolesIn = 'flags' | 'config';

/**
 * The fix for NO_DATE_COLUMN.
 * @example dateColumnHint(['week', 'y'], 'config') // 'name the date column as columns.date in mixwise.yaml; dates must look like 2024-01-31 (available columns: week, y)'
 */
export function dateColumnHint(header: readonly string[], rolesIn: RolesIn = 'flags'): string {
  const name = rolesIn === 'config' ? 'name the date column as columns.date in mixwise.yaml' : 'name the date column with --date COL';
  return `${name}; dates must look like 2024-01-31 (${availableColumns(header)})`;
}

/**
 * The fix for NO_CHANNELS when no column is named like spend.
 * @example noChannelsHint(['date', 'tv', 'y'], 'config') // 'rename the spend columns to <channel>_spend, or list them under columns.channels in mixwise.yaml (available columns: …)'
 */
export function noChannelsHint(header: readonly string[], rolesIn: RolesIn = 'flags'): string {
  const name = rolesIn === 'config' ? 'list them under columns.channels in mixwise.yaml' : 'name them with --channels col1,col2';
  return `rename the spend columns to <channel>_spend, or ${name} (${availableColumns(header)})`;
}

/**
 * The fix for SPEND_BY_NAME (channels detected by a spend naming other than `_spend`).
 * @example spendByNameHint('config') // 'if one of them is not spend, or a spend column is missing, list the spend columns under columns.channels in mixwise.yaml'
 */
export function spendByNameHint(rolesIn: RolesIn = 'flags'): string {
  return `if one of them is not spend, or a spend column is missing, ${rolesIn === 'config'
    ? 'list the spend columns under columns.channels in mixwise.yaml'
    : 'name the spend columns with --channels col1,col2 (or channels: in mixwise.yaml)'}`;
}

/**
 * The fix for ORGANIC_ALL_ZERO (an organic column at 0 in every period).
 * @example organicAllZeroHint('config') // 'leave it out: remove it from columns.organic in mixwise.yaml'
 */
export function organicAllZeroHint(rolesIn: RolesIn = 'flags'): string {
  return rolesIn === 'config'
    ? 'leave it out: remove it from columns.organic in mixwise.yaml'
    : 'leave it out: list the other organic columns with --organic (or drop the flag), or remove it from columns.organic in mixwise.yaml';
}

/**
 * The fix for CHANNEL_NEVER_SPENDS.
 * @example neverSpendsHint('config') // 'leave it out: list the other channels under columns.channels in mixwise.yaml, or remove it from there'
 */
export function neverSpendsHint(rolesIn: RolesIn = 'flags'): string {
  return rolesIn === 'config'
    ? 'leave it out: list the other channels under columns.channels in mixwise.yaml, or remove it from there'
    : 'leave it out: list the other channels with --channels, or remove it from columns.channels in mixwise.yaml';
}
