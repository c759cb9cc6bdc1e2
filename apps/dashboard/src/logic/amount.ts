import { formatAmount } from './format.ts';

/**
 * Read an amount typed by a person (shared with the CLI's --budget and --target-kpi): see parseAmount
 * in @mixwise/charts.
 */
export { parseAmount } from '@mixwise/charts';

/**
 * A spend as the field shows it: whole amounts with thousands separators, but 4 significant digits
 * below 100, where data on a 0–1 or thousands scale would otherwise read as 0 or 1.
 * @example spendText(0.04567) // '0.04567'
 */
export function spendText(spend: number): string {
  return Math.abs(spend) >= 100 ? formatAmount(Math.round(spend)) : String(Number(spend.toPrecision(4)));
}
