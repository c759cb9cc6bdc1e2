/**
 * Number formatting for every chart label, tooltip and the report's tables. Locale-independent
 * (always `,` thousands and `.` decimals) so output is identical on every machine.
 */
import { formatMoney, isPlainMoney, roiDecimals, type MoneyFormat } from '@mixwise/engine';

/**
 * Group the integer part with commas. `digits` fixed decimals.
 * @example groupDigits(1234567.891, 1) // '1,234,567.9'
 */
export function groupDigits(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '–' : x > 0 ? '∞' : '−∞';
  const fixed = Math.abs(x).toFixed(digits);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = x < 0 && Number(fixed) !== 0 ? '−' : '';
  return sign + grouped + (frac !== undefined ? '.' + frac : '');
}

/** Units of formatCompact, smallest first: divisor, suffix, and the decimals below / from 10 of the unit. */
const COMPACT_UNITS: readonly { readonly div: number; readonly suffix: string; readonly small: number; readonly large: number }[] = [
  { div: 1e3, suffix: 'k', small: 2, large: 1 },
  { div: 1e6, suffix: 'M', small: 2, large: 1 },
  { div: 1e9, suffix: 'B', small: 1, large: 0 },
  { div: 1e12, suffix: 'T', small: 2, large: 1 },
];

/**
 * Compact amount: 1.23M, 45.6k, 7.8B, 1.00T; below 1,000 up to two decimals. A value that rounds up
 * to 1,000 of a unit moves to the next one (999,999 → 1.00M, not 1000.0k). With a currency or a locale
 * (`money`, not plain: formatMoney) three significant digits in the locale's words: €25.0M, 25,0 Mio. €.
 * @example formatCompact(24960000) // '25.0M'
 * @example formatCompact(950) // '950'
 * @example formatCompact(1e12) // '1.00T'
 * @example formatCompact(24960000, { currency: 'EUR' }) // '€25.0M'
 */
export function formatCompact(x: number, money?: MoneyFormat): string {
  if (!Number.isFinite(x)) return groupDigits(x);
  if (money !== undefined && !isPlainMoney(money)) return formatMoney(x, money, { compact: true, decimals: Math.abs(x) >= 100 ? 0 : 2, unicodeMinus: true });
  const a = Math.abs(x);
  const plain = Math.round(a * 100) / 100;
  // No sign on a value that rounds to 0 ('0', not '−0').
  const sign = x < 0 && plain > 0 ? '−' : '';
  if (plain < 1000) return sign + String(plain);
  for (let u = 0; u < COMPACT_UNITS.length; u++) {
    const { div, suffix, small, large } = COMPACT_UNITS[u];
    const v = a / div;
    const text = v.toFixed(v >= 10 ? large : small);
    // Past the last unit the number just grows (1,500T).
    if (Number(text) < 1000 || u === COMPACT_UNITS.length - 1) return sign + (Number(text) < 1000 ? text : groupDigits(v, large)) + suffix;
  }
  return sign + String(plain);
}

/**
 * A signed number with fixed decimals: '+' for zero and above, the minus sign (U+2212) below.
 * @example formatSigned(1.47, 1) // '+1.5'
 * @example formatSigned(-0.4, 1) // '−0.4'
 */
export function formatSigned(x: number, digits = 1): string {
  const text = groupDigits(x, digits);
  return Number.isFinite(x) && !text.startsWith('−') ? '+' + text : text;
}

/**
 * A number rounded to `significant` digits (roundTo) as text, with the minus sign (U+2212).
 * @example formatSignificant(-0.0123456, 3) // '−0.0123'
 */
export function formatSignificant(x: number, significant = 4): string {
  if (!Number.isFinite(x)) return groupDigits(x);
  const r = roundTo(x, significant);
  return r < 0 ? '−' + String(-r) : String(r);
}

/**
 * Full amount with thousands separators and no decimals (≥ 100) or two decimals (< 100). With a
 * currency or a locale (`money`, not plain) the same decimals written by formatMoney (the minus U+2212).
 * @example formatAmount(24960000.04) // '24,960,000'
 * @example formatAmount(12.345) // '12.35'
 * @example formatAmount(24960000.04, { currency: 'EUR', locale: 'de-DE' }) // '24.960.000 €'
 */
export function formatAmount(x: number, money?: MoneyFormat): string {
  if (money !== undefined && !isPlainMoney(money) && Number.isFinite(x)) return formatMoney(x, money, { decimals: Math.abs(x) >= 100 ? 0 : 2, unicodeMinus: true });
  return groupDigits(x, Math.abs(x) >= 100 ? 0 : 2);
}

/**
 * A share (0..1) as a percentage with one decimal.
 * @example formatPercent(0.42105) // '42.1%'
 */
export function formatPercent(x: number, digits = 1): string {
  return Number.isFinite(x) ? groupDigits(x * 100, digits) + '%' : '–';
}

/**
 * A ratio that is not a return on spend (R², VIF, a test statistic) with two decimals. For ROI, mROI,
 * ROAS and CPA use formatRoi, which keeps small values readable.
 * @example formatRatio(5.048) // '5.05'
 */
export function formatRatio(x: number): string {
  return groupDigits(x, 2);
}

// roiDecimals is the engine's, so the engine's own sentences round ROIs as every surface does.
export { roiDecimals, ROUND_OFF } from '@mixwise/engine';

/**
 * A return on spend (ROI, mROI, ROAS) or a cost per KPI unit (CPA) with roiDecimals decimals,
 * thousands separators and the minus sign (U+2212).
 * @example formatRoi(5.048) // '5.05'
 * @example formatRoi(0.0057) // '0.0057'
 * @example formatRoi(0.05) // '0.050'
 */
export function formatRoi(x: number): string {
  return groupDigits(x, roiDecimals(x));
}

/**
 * Round for chart data so specs stay small and snapshot-stable (significant digits).
 * @example roundTo(123456.789, 6) // 123457
 * @example roundTo(0.000123456, 3) // 0.000123
 */
export function roundTo(x: number, significant = 6): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(significant));
}
