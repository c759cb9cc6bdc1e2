import { MAX_AMOUNT, MAX_AMOUNT_TEXT } from '@mixwise/contracts';
import { decimalText, dotThousandsProblem, parseAmount } from '@mixwise/charts';
import { formatAmount } from './format.ts';

/**
 * Read an amount typed by a person (shared with the CLI's --budget and --target-kpi): see parseAmount
 * in @mixwise/charts.
 */
export { dotThousandsProblem, parseAmount, parseRatioAmount } from '@mixwise/charts';

/**
 * A spend as the field shows it: whole amounts with thousands separators, but 4 significant digits
 * below 100, where data on a 0–1 or thousands scale would otherwise read as 0 or 1.
 * @example spendText(0.04567) // '0.04567'
 */
export function spendText(spend: number): string {
  if (Math.abs(spend) >= 100) return formatAmount(Math.round(spend));
  const text = String(Number(spend.toPrecision(4)));
  // 1.234 would read as dot-grouped thousands (dotThousandsProblem): decimalText's trailing 0 keeps it a decimal.
  return decimalText(text);
}

/**
 * What is wrong with a typed amount that parseAmount refused: the dot-thousands message
 * (dotThousandsProblem: "150.000" would be 1000× too small) when it applies, else `fallback`.
 */
export function amountProblem(text: string, fallback: string): string {
  return dotThousandsProblem(text) ?? fallback;
}

/** A spend typed in the simulator: the amount, or why the text is not one (shown under the field). */
export type SpendText = { readonly spend: number } | { readonly problem: string; readonly reason: 'not-amount' | 'too-large' };

/**
 * Read a channel's spend field: an amount (parseAmount) up to MAX_AMOUNT, the API's limit on budgets and
 * bounds — beyond it the predictions are meaningless and Optimise fails. Anything else is a problem
 * to show under the field, while the spend stays as it was.
 * @example readSpendText('15k') // { spend: 15000 }
 * @example readSpendText('1e20') // { problem: 'At most 1,000,000,000,000,000 (1e15) per period: …' }
 */
export function readSpendText(text: string, period = 'period'): SpendText {
  const v = parseAmount(text);
  if (v === null) {
    const dots = dotThousandsProblem(text);
    return { reason: 'not-amount', problem: dots !== null ? `${dots} The spend stays as it was until you do.` : 'Type an amount ≥ 0, such as 15000, 15,000 or 15k; the spend stays as it was until you do.' };
  }
  if (v > MAX_AMOUNT) return { reason: 'too-large', problem: `At most ${MAX_AMOUNT_TEXT} per ${period}; the spend stays as it was until you type less.` };
  return { spend: v };
}
