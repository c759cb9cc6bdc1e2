/**
 * Number formatting for people, independent of the machine's locale (always `,` for thousands and
 * `.` for decimals, so output and tests are the same everywhere). Missing or non-finite values print
 * as an en dash.
 */
import { roiDecimals } from '@mixwise/charts';

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
