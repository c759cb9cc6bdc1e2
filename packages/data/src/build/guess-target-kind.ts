const COUNT_WORDS = /conversion|order|lead|signup|sign_up|install|count|units|customer|visit|subscri|booking|acquisition|download|registration/i;

/**
 * Guesses whether a KPI is money ('revenue': ROI is KPI per unit of spend) or a count ('count':
 * orders, leads… where cost per acquisition is also meaningful) from its column name. Names with
 * words such as conversions, orders, leads, signups, installs, units, customers, visits or bookings
 * are counts; everything else is revenue. Pass the kind explicitly to override.
 * @param name the target column's name
 * @example guessTargetKind('conversions') // 'count'
 * @example guessTargetKind('revenue') // 'revenue'
 */
export function guessTargetKind(name: string): 'revenue' | 'count' {
  return COUNT_WORDS.test(name) ? 'count' : 'revenue';
}
