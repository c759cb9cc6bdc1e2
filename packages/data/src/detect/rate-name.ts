import { nameWords } from './name-words.ts';

/**
 * Words that mark a column as a rate, ratio or level: a value per unit (revenue_per_conversion,
 * avg_order_value, conversion_rate, cpa) or a level (price, index). Such a number does not add up: the
 * sum of a price over geos, or of a per-conversion value over weeks, measures nothing. So it is never
 * the KPI, and a panel roll-up averages it instead of adding it up.
 */
const RATE_WORDS = new Set([
  'per', 'avg', 'average', 'mean', 'median', 'rate', 'ratio', 'share', 'pct', 'percent', 'percentage', 'price', 'index',
  'cpa', 'cpc', 'cpm', 'cpv', 'cpl', 'cpo', 'cpi', 'ctr', 'cvr', 'roas', 'roi', 'aov', 'arpu', 'frequency', 'freq',
]);

/**
 * Whether a column's name marks a rate, ratio or level (a word of RATE_WORDS, the name split at `_`,
 * `-`, space, `.` and camelCase; a plural `s` is ignored).
 * @example isRateLike('revenue_per_conversion') // true
 * @example isRateLike('avgOrderValue') // true
 * @example isRateLike('conversions') // false
 */
export function isRateLike(column: string): boolean {
  return nameWords(column).some((w) => RATE_WORDS.has(w) || (w.endsWith('s') && RATE_WORDS.has(w.slice(0, -1))));
}
