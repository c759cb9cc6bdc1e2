import type { InformationValue } from './information-value.ts';
import { drawsName, type DrawSource } from './explain-interval.ts';
import { listText } from '../text/list-text.ts';
import type { SpendRange } from '../analysis/observed-spend-range.ts';

/** Three significant digits: these are Monte Carlo estimates. */
const approx = (x: number): string => x.toLocaleString('en-US', { maximumSignificantDigits: 3 });

/**
 * The value of information in plain language: what knowing every curve would add, which channel's
 * curve the decision hinges on most, and how far to trust that pointer. On 29 simulated data sets
 * the channel ranked first was the one whose true curve helped the decision most in 11 (chance ≈ 7),
 * mean rank correlation 0.23 (docs/optimize.md): a pointer, not a ranking, and the text says so. A
 * channel whose estimate exceeds the total is not shown as worth more than learning every curve:
 * the text caps it at the total and says why the estimates can disagree.
 * @param v informationValue's result
 * @param currentKpi the predicted KPI per period at the current allocation (scale for "negligible")
 * @param source what the replicates are (drawSource(model)): bootstrap refits or posterior draws
 * @param sparse channels that spent in too few fitted periods (a `sparse` data range): the replicates
 *   are refits on the same few bursts, so their spread understates how little the data say about such
 *   a channel's sustained response, and the text names it whatever the ranking says
 * @returns one to three sentences, starting without a leading space
 * @example explainInformationValue(v, 1e6) // 'If the true curves were known, re-optimising would add about 1,234 per period …'
 */
export function explainInformationValue(v: InformationValue, currentKpi: number, source: DrawSource = 'bootstrap', sparse: readonly string[] = []): string {
  const draws = drawsName(source).plural;
  const top = v.channels[0];
  const unseen = sparse.filter((c) => !(top && c === top.channel && v.total > 1e-9 * Math.abs(currentKpi)));
  const caveat = unseen.length === 0 ? ''
    : ` The ${draws} cannot show how little the data say about ${listText(unseen)}, which spent in too few periods: ${unseen.length === 1 ? 'its' : 'their'} sustained response is the fitted curve's guess, so a lift test there may be worth more than this ranking says.`;
  if (!(v.total > 1e-9 * Math.abs(currentKpi))) {
    return `No plausible set of curves (${draws}) would change this split: ${unseen.length === 0 ? 'further experiments would not change the decision' : 'by their spread, further experiments would not change the decision'}.${caveat}`;
  }
  // Learning one curve cannot be worth more than learning them all, but its estimate can come out
  // higher: the replicates are joint draws and the per-channel value treats the other curves as
  // independent, and both are means over a few dozen replicates. Say so rather than print the larger figure.
  const alone = top.value > v.total
    ? `learning its curve alone would be worth about as much as learning them all, capped here at the total: both figures are Monte Carlo estimates over ${v.replicates} replicates, and the one for a single channel, which treats the other curves as independent, came out above it`
    : `about ${approx(top.value)} from learning its curve alone`;
  return `If the true curves were known, re-optimising would add about ${approx(v.total)} per period on average (value of perfect information over ${v.replicates} replicates);`
    + ` by the replicates' spread the decision hinges most on ${top.channel} (${alone}), which makes ${top.channel} the first candidate for a lift test`
    + ' (the replicates share the fit\'s errors, so treat this as a pointer, not a ranking to trust).'
    + caveat;
}

/**
 * The channels whose observed spend range is sparse (spent in too few fitted periods), for
 * explainInformationValue's `sparse`.
 * @example sparseChannels([{ channel: 'tv', dataRange: { low: 1, high: 2, sparse: { active: 3, periods: 156, first: 0, kind: 'few' } } }]) // ['tv']
 */
export function sparseChannels(channels: readonly { readonly channel: string; readonly dataRange: SpendRange | null }[]): string[] {
  return channels.flatMap((c) => (c.dataRange?.sparse ? [c.channel] : []));
}
