import type { RolesIn } from '../detect/role-hints.ts';
import type { ChannelRef } from '../detect/detect-channels.ts';
import { spendMarker } from '../detect/spend-naming.ts';
import { hasSpendWord, isExposureLike } from '../detect/candidate-controls.ts';

/** Words of unpaid media (a token of the name): a column holding one is a candidate for the organic media (`pr`: PR mentions, articles). */
const ORGANIC_WORDS = new Set(['organic', 'newsletter', 'newsletters', 'email', 'emails', 'mention', 'mentions', 'sends', 'pr']);

/** Words of a cost or a rate (a token of the name): such a column is not an exposure series. */
const RATE_WORDS = new Set(['cost', 'costs', 'cpc', 'cpm', 'cpa', 'ctr', 'per', 'rate', 'ratio', 'share', 'pct', 'percent']);

/**
 * Whether an unused column looks like exposure without spend: named like media exposure (impressions,
 * clicks, Robyn's `_I`) without the name of a channel in use (facebook_I beside facebook_S is that
 * channel's exposure), or named like unpaid media (newsletter, organic, email, mentions, sends, pr); never
 * a cost or a rate (cost_per_click, open_rate) or a column with spend in its name.
 * @example organicCandidate('Organic_channel0_impression', [{ name: 'Channel0', column: 'Channel0_spend' }]) // true
 * @example organicCandidate('facebook_I', [{ name: 'facebook', column: 'facebook_S' }]) // false
 * @example organicCandidate('pr_articles', []) // true
 * @example organicCandidate('cost_per_click', []) // false
 */
export function organicCandidate(column: string, channels: readonly ChannelRef[]): boolean {
  const lower = column.toLowerCase();
  const words = lower.split(/[^a-z0-9]+/);
  // A cost or a rate of exposure (cost_per_click, email_open_rate) is not an exposure.
  if (words.some((w) => RATE_WORDS.has(w)) || hasSpendWord(column)) return false;
  if (words.some((w) => ORGANIC_WORDS.has(w))) return true;
  return isExposureLike(column) && !channels.some((c) => lower.startsWith(c.name.toLowerCase()));
}

/**
 * The fix of UNUSED_COLUMNS: spend columns go in the channels (`--channels`, columns.channels), the
 * others that drive the KPI in the controls, 0/1 dummies in the events, exposure without spend
 * (organicCandidate) in the organic media. A spend column is never suggested as a control (a control
 * takes the channel's effect with a free sign), nor is a candidate organic series.
 * @param unused the unused numeric columns
 * @param context the channels used, the unused 0/1 columns, where the roles are set, and a list formatter
 * @returns the hint, without the text-column part
 * @example unusedColumnsHint(['radio_spend'], { channels: [{ name: 'tv', column: 'tv_spend' }], dummies: [], rolesIn: 'flags', list: (n) => n.join(', ') })
 * // 'add the spend columns that are channels to the channels: --channels tv_spend,radio_spend'
 */
export function unusedColumnsHint(
  unused: readonly string[],
  context: { channels: readonly ChannelRef[]; dummies: readonly string[]; rolesIn: RolesIn; list: (names: readonly string[]) => string },
): string {
  const { channels, dummies, rolesIn, list } = context;
  const spend = unused.filter((name) => spendMarker(name) !== undefined);
  const others = unused.filter((name) => spendMarker(name) === undefined);
  const config = rolesIn === 'config';
  const parts: string[] = [];
  if (spend.length > 0) {
    const all = [...channels.map((c) => c.column), ...spend];
    parts.push(config
      ? `add the spend columns that are channels to columns.channels in mixwise.yaml (columns.channels: [${all.join(', ')}])`
      : `add the spend columns that are channels to the channels: --channels ${all.join(',')}`);
  }
  const organic = others.filter((name) => !dummies.includes(name) && organicCandidate(name, channels));
  if (organic.length > 0) {
    const how = config ? 'add it to columns.organic in mixwise.yaml' : 'pass it with --organic';
    parts.push(`to model exposure without spend (newsletter sends, organic impressions) with carryover and saturation, measured against zero exposure and without ROI, ${how} (candidates: ${list(organic)})`);
  }
  const rest = others.filter((name) => !dummies.includes(name) && !organic.includes(name));
  if (rest.length > 0) {
    parts.push(config
      ? 'add those that drive the KPI (price, distribution, competitor activity…) to columns.controls in mixwise.yaml'
      : 'pass those that drive the KPI (price, distribution, competitor activity…) with --controls');
  }
  if (dummies.length > 0) {
    parts.push(config
      ? `add 0/1 event columns to columns.events (candidates: ${list(dummies)})`
      : `pass 0/1 event columns with --events (candidates: ${list(dummies)})`);
  }
  return parts.join('; ');
}
