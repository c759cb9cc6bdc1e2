import { formatAmount } from './format.ts';
import { MAX_AMOUNT_TEXT } from '@mixwise/contracts';
import { amountProblem, readSpendText } from './amount.ts';
import { rescaleSpend } from './what-if.ts';

/** The total budget field read: the spend it asks for, or why it asks for none yet. */
export type TotalField = { readonly spend: number[] } | { readonly problem: string };

/**
 * Read the simulator's "Total budget" field: an empty or unusable text rescales nothing (so clearing
 * the field to type a new number keeps the split); a number rescales `base` (the spend before the
 * edit began) keeping the locked channels' spend and the mix of the others (rescaleSpend).
 * @param text the field's text
 * @param base [nChannels] spend per period when the edit began
 * @param locked [nChannels] true for locked channels
 * @param period the word for one period ('week')
 * @example readTotalField('', [1, 3], [false, false], 'week') // { problem: 'Type a total budget per week; …' }
 */
export function readTotalField(text: string, base: readonly number[], locked: readonly boolean[], period: string): TotalField {
  const t = text.trim();
  if (t === '') return { problem: `Type a total budget per ${period}; the split stays as it is until you do.` };
  const read = readSpendText(t, period);
  if ('problem' in read) {
    return { problem: read.reason === 'too-large'
      ? `The total budget may be at most ${MAX_AMOUNT_TEXT} per ${period}; the split stays as it is until you type less.`
      : amountProblem(t, 'The total budget must be an amount ≥ 0, such as 250000, 250,000 or 250k.') };
  }
  const total = read.spend;
  const r = rescaleSpend(base, total, locked);
  if (r.ok) return { spend: r.spend };
  // Rounded up so that the amount advised is itself enough.
  const least = formatAmount(Math.ceil(r.lockedTotal));
  return {
    problem: r.reason === 'below-locked'
      ? `The locked channels alone spend ${least} per ${period}, more than ${formatAmount(total)}: enter at least ${least} or unlock a channel.`
      : `Every channel is locked (${least} per ${period} in all): unlock a channel to change the total.`,
  };
}
