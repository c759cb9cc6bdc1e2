import { proseAmount } from './prose-format.ts';

/**
 * The sentence for a predicted lift that lies outside the 90% range of the replicates' lifts of the
 * same move ('' inside it, or without a range). It happens when the curves behind the prediction
 * promise more (or less) than nearly every refit on resampled data does, typically a curve at the
 * edge of its search range (the fit's PARAMETER_AT_BOUND warning); the range is then the better guide.
 * @param lift the headline lift (point curves for a plan or --uncertainty point, else the expected curves)
 * @param interval the replicates' 5–95 % interval of the same move's lift, or null
 * @example pointOutsideSentence(132201, [4716, 105977]) // ' The predicted lift (+132,201) is above that range …'
 */
export function pointOutsideSentence(lift: number, interval: readonly [number, number] | null): string {
  if (!interval || (lift >= interval[0] && lift <= interval[1])) return '';
  const signed = `${lift >= 0 ? '+' : ''}${proseAmount(lift)}`;
  return lift > interval[1]
    ? ` The predicted lift (${signed}) is above that range: the fitted curves promise more than 95% of the replicates do, which happens when a curve sits at the edge of what the fit allows (see the fit's warnings). Plan on the range, not on the point.`
    : ` The predicted lift (${signed}) is below that range: 95% of the replicates predict more, so the point is a cautious figure.`;
}
