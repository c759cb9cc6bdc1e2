/**
 * Number formatting for people, independent of the machine's locale (always `,` for thousands and
 * `.` for decimals, so output and tests are the same everywhere). Missing or non-finite values print
 * as an en dash.
 */
import { roiDecimals } from '@mixwise/charts';

/** Relative size below which a value is round-off of zero beside the figures it is shown with (as roiDecimals treats 1e-12 next to figures near 1). */
const ROUND_OFF = 1e-12;

const MISSING = '–';

/**
 * A number with thousands separators and a fixed number of decimals.
 * @param value the number
 * @param decimals digits after the point (default 0)
 * @example formatNumber(1234567.891) // '1,234,568'
 * @example formatNumber(-0.5, 2) // '-0.50'
 */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
  return text === '-0' || /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

/**
 * A number with a sign: '+' for zero and above, '-' below, as formatNumber writes it (so a value that
 * rounds to zero, such as -0.04 at 1 decimal, is '+0.0', never '-0.0').
 * @example formatSignedNumber(1.47, 1) // '+1.5'
 * @example formatSignedNumber(-0.04, 1) // '+0.0'
 */
export function formatSignedNumber(value: number | null | undefined, decimals = 0): string {
  const text = formatNumber(value, decimals);
  return text === MISSING || text.startsWith('-') ? text : `+${text}`;
}

/** Past this many decimals (formatRoi's most, roiDecimals) a small value is written with an exponent (3.8e-13). */
const MAX_FIXED_DECIMALS = 12;

/**
 * A number with fixed `decimals` (table and fit-report figures), or more for a non-zero value below 1 that would show
 * fewer than `significant` significant digits (a KPI of 0.003 gives contributions of 0.0004 and ROIs of
 * 1e-7, which must not read 0.00 or 0.000000): enough for them, or exponent notation past MAX_FIXED_DECIMALS.
 * A value below ROUND_OFF times `scale` (the largest magnitude it is shown beside, e.g. its column's) is
 * round-off of zero and keeps `decimals`. A value that rounds up to 1 or more (0.996 → 1.00) is
 * written as a value ≥ 1 is: with `decimals`. Not the charts' formatSignificant, which rounds every
 * value to significant digits and writes U+2212 for minus.
 * @param value the number
 * @param decimals the usual decimals (default 0)
 * @param options significant: digits kept for small values (default 2); scale: see above (default: the value's own)
 * @example formatFixedOrSignificant(0.00042, 2) // '0.00042'
 * @example formatFixedOrSignificant(1.3e-10, 2) // '0.00000000013'
 * @example formatFixedOrSignificant(1.3e-14, 2) // '1.3e-14'
 * @example formatFixedOrSignificant(3.8e-16, 2, { scale: 1.5 }) // '0.00'
 * @example formatFixedOrSignificant(1234.4) // '1,234'
 * @example formatFixedOrSignificant(0.996) // '1'
 */
export function formatFixedOrSignificant(value: number | null | undefined, decimals = 0, options: { significant?: number; scale?: number } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const a = Math.abs(value);
  const significant = Math.max(1, options.significant ?? 2);
  if (a === 0 || a >= 1 || a < ROUND_OFF * (options.scale ?? a)) return formatNumber(value, decimals);
  const needed = significant - 1 - Math.floor(Math.log10(a));
  // 0.996 to 2 significant digits rounds up to 1.00: a value ≥ 1 takes the usual decimals ('1'), as 1.2 does.
  if (Math.abs(Number(value.toFixed(Math.min(needed, 100)))) >= 1) return formatNumber(value, decimals);
  if (needed <= MAX_FIXED_DECIMALS) return formatNumber(value, Math.max(decimals, needed));
  return value.toExponential(significant - 1);
}

/**
 * An ROI (or marginal ROI, or an end of its interval) with 2 decimals, or, below 0.1, 2 significant
 * digits (roiDecimals, shared with the report and the dashboard): a count KPI's 0.0019 orders per unit
 * of spend must not read as 0.00.
 * @example formatRoi(1.456) // '1.46'
 * @example formatRoi(0.0019) // '0.0019'
 */
export function formatRoi(value: number | null | undefined): string {
  return formatNumber(value, value === null || value === undefined ? 2 : roiDecimals(value));
}

/**
 * A share (0..1) as a percentage with 1 decimal.
 * @example formatShare(0.1234) // '12.3%'
 */
export function formatShare(value: number | null | undefined): string {
  const text = formatNumber(value === null || value === undefined ? value : value * 100, 1);
  return text === MISSING ? text : `${text}%`;
}
