/**
 * How spend columns are named in the wild, beyond Mixwise's own `<channel>_spend`. Used only when a
 * file has no `_spend` column, and always reported (resolveChannels warns with the list), because a
 * name is a guess about a column's meaning.
 *
 * A marker is a whole word of the name, separated by `_`, space, `-` or `.`, so `tv_cost` and
 * `Spend TV` match but `costa_visits` and `spending_power_index` do not:
 * - at the end: spend, spends, cost, costs, investment, budget, optionally followed by a currency code
 *   (`tv_cost`, `Search Spend`, `tv_spend_usd`);
 * - at the start: spend, cost, mdsp (`spend_tv`, `mdsp_dm`: the media-spend prefix of the data behind
 *   sibylhe/mmm_stan and PyMC-Marketing's case study);
 * - Robyn's `_S` suffix, upper case only (`tv_S`; its data sets mark impressions `_I`, clicks `_P`).
 * Names with a word of a rate or share (per, avg, average, mean, unit, rate, share, pct, percent, ratio:
 * `cost_per_click`, `avg_cost`, `spend_share`) are not spend under these conventions.
 */
const SUFFIX = /^(.+?)[_ .-](spend|spends|cost|costs|investment|budget)(?:[_ .-](?:usd|eur|gbp|chf|jpy|cad|aud|inr|cny|brl|mxn|sek|nok|dkk|pln))?$/i;
const PREFIX = /^(spend|cost|mdsp)[_ .-](.+)$/i;
const ROBYN_SUFFIX = /^(.+)_S$/;
const OWN_SUFFIX = /^(.+)_spend$/i;
const RATE_WORD = /(^|[_ .-])(per|avg|average|mean|unit|rate|share|pct|percent|ratio)([_ .-]|$)/i;

/** Prefixes of exposure columns that pair with a spend prefix: `mdsp_tv` ↔ `mdip_tv` (media impressions). */
export const EXPOSURE_PREFIX_OF: Readonly<Record<string, string>> = { mdsp: 'mdip' };

/**
 * The channel a spend column stands for: the name without its spend marker (`_spend`, then the
 * conventions above), or the whole name when it has none or nothing would be left.
 * @param column a column name
 * @returns the channel name
 * @example spendChannelName('tv_spend') // 'tv'
 * @example spendChannelName('mdsp_dm') // 'dm'
 * @example spendChannelName('Search Cost') // 'Search'
 * @example spendChannelName('x1') // 'x1'
 */
export function spendChannelName(column: string): string {
  return spendMarker(column)?.name ?? column;
}

/**
 * The spend marker of a column name under the conventions above (`_spend` included), if any.
 * @param column a column name
 * @returns the channel name and the marker as written (e.g. { name: 'dm', marker: 'mdsp', at: 'start' })
 * @example spendMarker('tv_S') // { name: 'tv', marker: 'S', at: 'end' }
 */
export function spendMarker(column: string): { name: string; marker: string; at: 'start' | 'end' } | undefined {
  const own = OWN_SUFFIX.exec(column);
  if (own) return { name: own[1], marker: 'spend', at: 'end' };
  if (RATE_WORD.test(column)) return undefined;
  const suffix = SUFFIX.exec(column);
  if (suffix) return { name: suffix[1], marker: suffix[2], at: 'end' };
  const prefix = PREFIX.exec(column);
  if (prefix) return { name: prefix[2], marker: prefix[1], at: 'start' };
  const robyn = ROBYN_SUFFIX.exec(column);
  if (robyn) return { name: robyn[1], marker: 'S', at: 'end' };
  return undefined;
}

/**
 * Columns that look like spend by their name (see the conventions above) and hold numbers.
 * @param header column names
 * @param isNumeric whether a column (by name) holds numbers only
 * @returns matching columns in file order
 * @example spendColumnsByName(['DATE', 'revenue', 'tv_S', 'facebook_I', 'mdsp_dm'], () => true) // ['tv_S', 'mdsp_dm']
 */
export function spendColumnsByName(header: readonly string[], isNumeric: (column: string) => boolean): string[] {
  return header.filter((h) => spendMarker(h) !== undefined && isNumeric(h));
}
