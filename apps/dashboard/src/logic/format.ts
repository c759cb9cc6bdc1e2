// The dashboard shows numbers exactly as the charts and the HTML report do (@mixwise/charts format);
// these wrappers only add a dash for missing values and the few page-specific touches.
import { formatAmount as chartAmount, formatCompact as chartCompact, formatPercent, formatRatio as chartRatio, formatRoi as chartRoi, formatSigned, groupDigits } from '@mixwise/charts';
import type { MoneyFormat } from '@mixwise/engine';

const MISSING = '—';

/**
 * Compact number for cards and labels (1.23M, 45.6k, 987), '—' when missing; an amount of money with
 * the model's currency and locale (`money`: MmmModel.money, through kpiMoney for a KPI amount).
 * @example formatCompact(1234567) // '1.23M'
 * @example formatCompact(1234567, { currency: 'EUR' }) // '€1.23M'
 */
export function formatCompact(v: number, money?: MoneyFormat): string {
  return Number.isFinite(v) ? chartCompact(v, money) : MISSING;
}

/**
 * Share as a percentage with one decimal; `signed` adds '+' to positive values.
 * @example formatPct(0.1234) // '12.3%'
 */
export function formatPct(v: number | null, signed = false): string {
  if (v === null || !Number.isFinite(v)) return MISSING;
  return `${signed && v > 0 ? '+' : ''}${formatPercent(v)}`;
}

/**
 * A ratio that is not a return on spend (a test statistic, a VIF) with two decimals and an optional unit suffix.
 * @example formatRatio(1.856, '×') // '1.86×'
 */
export function formatRatio(v: number | null, suffix = ''): string {
  return v === null || !Number.isFinite(v) ? MISSING : `${chartRatio(v)}${suffix}`;
}

/**
 * A return on spend (ROI, mROI, ROAS) or a CPA as the CLI and the report show it: 2 decimals, or 2
 * significant digits below 0.1 (a count KPI's 0.0057 orders per unit of spend is not 0.01), with an optional unit suffix.
 * @example formatRoi(1.856, '×') // '1.86×'
 * @example formatRoi(0.0057) // '0.0057'
 */
export function formatRoi(v: number | null, suffix = ''): string {
  return v === null || !Number.isFinite(v) ? MISSING : `${chartRoi(v)}${suffix}`;
}

/**
 * An amount with thousands separators, with the model's currency and locale when `money` is given.
 * @example formatAmount(1234567.8) // '1,234,568'
 * @example formatAmount(1234567.8, { currency: 'GBP', locale: 'en-GB' }) // '£1,234,568'
 */
export function formatAmount(v: number, money?: MoneyFormat): string {
  return Number.isFinite(v) ? chartAmount(v, money) : MISSING;
}

/**
 * A fit metric (R², NRMSE) with fixed decimals, '—' when missing; a value that rounds to zero has no
 * sign (a holdout R² of −0.0004 is '0.000', not '-0.000').
 * @example formatFixed(0.91234, 3) // '0.912'
 */
export function formatFixed(v: number | null, digits: number): string {
  return v === null || !Number.isFinite(v) ? MISSING : groupDigits(v, digits);
}

/**
 * A signed figure (a residual's z) with one decimal: '+' from zero up, '−' below; −0.04 is '+0.0'.
 * @example formatSignedFixed(-2.46) // '−2.5'
 */
export function formatSignedFixed(v: number | null, digits = 1): string {
  return v === null || !Number.isFinite(v) ? MISSING : formatSigned(v, digits);
}
