import type { SpendRange } from '../analysis/observed-spend-range.ts';
import { SPARSE_SPEND_ADVICE, sparseSpendText } from '../analysis/sparse-spend.ts';

/**
 * What the data show of a channel's sustained spend, in words: 'the data show 100 to 250'; for a
 * sparse range (a channel that spent in few periods) zero as well, and the bursts' levels as such.
 * @param r the channel's observed range
 * @param amount how an amount is written
 * @example dataShownText({ low: 100, high: 250 }, String) // 'the data show 100 to 250'
 */
export function dataShownText(r: SpendRange, amount: (v: number) => string): string {
  if (!r.sparse || r.sparse.active === 0) return `the data show ${amount(r.low)} to ${amount(r.high)}`;
  return `the data show 0, and ${amount(r.low)} to ${amount(r.high)} in the ${r.sparse.active} periods it spent`;
}

/**
 * The short caution for one sparse channel, where a single channel's figures are shown (the
 * simulator's badge, a response curve's tooltip): how few periods it spent in (sparseSpendText) and
 * that its response at a sustained level is the fitted curve's guess. sparseDataText is the long form.
 * @param channel the channel's name
 * @param sparse its observed range's `sparse` (SpendRange.sparse)
 * @example sparseChannelText('tv', { active: 3, periods: 156, first: 49, kind: 'few' })
 * // "Few periods of data: tv spent in only 3 of the 156 fitted periods, so its response at a sustained level of spend is the fitted curve's guess."
 */
export function sparseChannelText(channel: string, sparse: NonNullable<SpendRange['sparse']>): string {
  return `Few periods of data: ${sparseSpendText(channel, sparse, sparse.kind)}, so its response at a sustained level of spend is the fitted curve's guess.`;
}

/**
 * The caution an allocation or a plan carries for channels that spent in too few fitted periods (a
 * `sparse` data range, see sparseSpend): their response at a sustained level, so every figure the
 * planner shows for them, is the fitted curve's guess. '' when no channel is sparse.
 * @example sparseDataText([{ channel: 'tv', dataRange: { low: 1.5e5, high: 2.6e5, sparse: { active: 3, periods: 156, first: 49, kind: 'few' } } }])
 * // ' Few periods of data: tv spent in only 3 of the 156 fitted periods, so …'
 */
export function sparseDataText(channels: readonly { readonly channel: string; readonly dataRange: SpendRange | null }[]): string {
  const items = channels.flatMap((c) => (c.dataRange?.sparse ? [sparseSpendText(c.channel, c.dataRange.sparse, c.dataRange.sparse.kind)] : []));
  if (items.length === 0) return '';
  const one = items.length === 1;
  return ` Few periods of data: ${items.join('; ')}, so ${one ? 'its' : 'their'} response at a sustained level of spend is not identified by the data`
    + ` and the ROI and marginal ROI shown for ${one ? 'it' : 'them'} are the fitted curve's guess; before moving budget on ${one ? 'it' : 'them'}, ${SPARSE_SPEND_ADVICE}.`;
}
