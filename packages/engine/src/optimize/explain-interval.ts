/**
 * The sentence on the lift interval across replicate models ('' without an interval). When the
 * interval straddles zero it says the replicates do not agree that the move beats the current
 * split; when it lies wholly below zero, that every replicate predicts a loss.
 * @param interval the 5–95 % interval of the lift, or null
 * @param replicates how many replicate lifts it was taken from
 * @example intervalSentence([1, 2], 100) // ' Across 100 bootstrap replicates of the model, 90% of the predicted lifts lie between +1 and +2.'
 */
export function intervalSentence(interval: readonly [number, number] | null, replicates: number): string {
  if (!interval) return '';
  const s = (v: number): string => `${v >= 0 ? '+' : ''}${v.toLocaleString('en-US', { maximumSignificantDigits: 4 })}`;
  // A range wholly below zero is a settled loss (e.g. the price of a smaller budget), not an unsettled gain.
  const caution = interval[1] < 0
    ? ' Every one of those replicates predicts less KPI than the current allocation.'
    : interval[0] <= 0
      ? ' That range includes no gain or a loss: the data do not settle whether this split beats the current one, so treat the change as a test (for example a geo experiment) rather than a sure gain.'
      : '';
  return ` Across ${replicates} bootstrap replicates of the model, 90% of the predicted lifts lie between ${s(interval[0])} and ${s(interval[1])}.${caution}`;
}
