/**
 * Number formatting for every chart label, tooltip and the report's tables. Locale-independent
 * (always `,` thousands and `.` decimals) so output is identical on every machine.
 */

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

/**
 * Compact amount: 1.23M, 45.6k, 7.8B; below 1,000 up to two decimals.
 * @example formatCompact(24960000) // '25.0M'
 * @example formatCompact(950) // '950'
 */
export function formatCompact(x: number): string {
  if (!Number.isFinite(x)) return groupDigits(x);
  const a = Math.abs(x);
  const sign = x < 0 ? '−' : '';
  if (a >= 1e9) return sign + (a / 1e9).toFixed(a >= 1e10 ? 0 : 1) + 'B';
  if (a >= 1e6) return sign + (a / 1e6).toFixed(a >= 1e7 ? 1 : 2) + 'M';
  if (a >= 1e3) return sign + (a / 1e3).toFixed(a >= 1e4 ? 1 : 2) + 'k';
  return sign + String(Math.round(a * 100) / 100);
}

/**
 * Full amount with thousands separators and no decimals (≥ 100) or two significant decimals (< 100).
 * @example formatAmount(24960000.04) // '24,960,000'
 * @example formatAmount(12.345) // '12.35'
 */
export function formatAmount(x: number): string {
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
 * A ratio (ROI, mROI, ROAS) with two decimals.
 * @example formatRatio(5.048) // '5.05'
 */
export function formatRatio(x: number): string {
  return groupDigits(x, 2);
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
