const COUNT_WORDS = /conversion|order|lead|signup|sign_up|install|count|units|customer|visit|subscri|booking|acquisition|download|registration|deal|opportunit|(?:^|[^a-z])(?:sql|mql|sal|opp)s?(?:[^a-z]|$)/i;
/** Words of money in a count's name (deal_amount, opportunity_value, order_revenue): the amount, not the count. */
const MONEY_WORDS = /revenue|amount|value|sales|gmv|profit|margin|(?:^|[^a-z])(?:arr|acv|usd|eur|gbp)(?:[^a-z]|$)/i;

/**
 * Guesses whether a KPI is money ('revenue': ROI is KPI per unit of spend) or a count ('count':
 * orders, leads… where cost per acquisition is also meaningful) from its column name. Names with
 * words such as conversions, orders, leads, signups, installs, units, customers, visits, bookings,
 * deals, opportunities, SQLs or MQLs are counts, unless a money word names their amount
 * (deal_amount, order_value, opportunity_revenue); everything else is revenue. Pass the kind
 * explicitly to override.
 * @param name the target column's name
 * @example guessTargetKind('conversions') // 'count'
 * @example guessTargetKind('deals') // 'count'
 * @example guessTargetKind('deal_amount') // 'revenue'
 * @example guessTargetKind('revenue') // 'revenue'
 */
export function guessTargetKind(name: string): 'revenue' | 'count' {
  return COUNT_WORDS.test(name) && !MONEY_WORDS.test(name) ? 'count' : 'revenue';
}
