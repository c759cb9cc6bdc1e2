import { signedAmount } from '../text/prose-format.ts';
import type { MmmModel } from '../model/mmm-model.ts';
import type { MoneyFormat } from '../text/money-format.ts';

/** Where a model's replicate curves come from: the ridge fit's bootstrap refits, or the Bayesian fit's posterior draws. */
export type DrawSource = 'bootstrap' | 'posterior';

/** 'posterior' for a Bayesian fit (model.bayes set: bootstrapRoi/Curves hold NUTS draws), else 'bootstrap'. */
export function drawSource(model: Pick<MmmModel, 'bayes'>): DrawSource {
  return model.bayes ? 'posterior' : 'bootstrap';
}

/**
 * How the prose names the draws: `many` 'bootstrap replicates of the model' or 'posterior draws (NUTS)
 * of the model'; `plural` 'bootstrap replicates' or 'posterior draws'; `short` 'replicates' or 'posterior draws'.
 * Every output that names the replicates takes its words from here.
 * @example drawsName('posterior').plural // 'posterior draws'
 */
export function drawsName(source: DrawSource): { readonly many: string; readonly plural: string; readonly short: string } {
  return source === 'posterior'
    ? { many: 'posterior draws (NUTS) of the model', plural: 'posterior draws', short: 'posterior draws' }
    : { many: 'bootstrap replicates of the model', plural: 'bootstrap replicates', short: 'replicates' };
}

/**
 * The sentence on the lift interval across replicate models ('' without an interval). When the
 * interval straddles zero it says the replicates do not agree that the move beats the current
 * split; when it lies wholly below zero, that every replicate predicts a loss; when the headline
 * lift is given and lies outside the interval, it says so (pointOutsideSentence).
 * @param interval the 5–95 % interval of the lift, or null
 * @param replicates how many replicate lifts it was taken from
 * @param lift the headline lift of the same move, when there is one
 * @param source what the replicates are (drawSource(model)): a Bayesian fit's are posterior draws, not bootstrap refits
 * @param money the KPI's currency and locale (kpiMoney: a revenue KPI's), for the lifts
 * @example intervalSentence([1, 2], 100) // ' Across 100 bootstrap replicates of the model, 90% of the predicted lifts lie between +1 and +2.'
 */
export function intervalSentence(interval: readonly [number, number] | null, replicates: number, lift?: number, source: DrawSource = 'bootstrap', money?: MoneyFormat): string {
  if (!interval) return '';
  const names = drawsName(source);
  const s = (v: number): string => signedAmount(v, money);
  // A range wholly below zero is a settled loss (e.g. the price of a smaller budget), not an unsettled gain.
  const caution = interval[1] < 0
    ? ` Every one of those ${names.short} predicts less KPI than the current allocation.`
    : interval[0] <= 0
      ? ' That range includes no gain or a loss: the data do not settle whether this split beats the current one, so treat the change as a test (for example a geo experiment) rather than a sure gain.'
      : '';
  return ` Across ${replicates} ${names.many}, 90% of the predicted lifts lie between ${s(interval[0])} and ${s(interval[1])}.${caution}`
    + (lift === undefined ? '' : pointOutsideSentence(lift, interval, source, money));
}

/**
 * The sentence for a predicted lift that lies outside the 90% range of the replicates' lifts of the
 * same move ('' inside it, or without a range). It happens when the curves behind the prediction
 * promise more (or less) than nearly every refit on resampled data does, typically a curve at the
 * edge of its search range (the fit's PARAMETER_AT_BOUND warning); the range is then the better guide.
 * @param lift the headline lift (point curves for a plan or --uncertainty point, else the expected curves)
 * @param interval the replicates' 5–95 % interval of the same move's lift, or null
 * @param source what the replicates are (drawSource(model))
 * @example pointOutsideSentence(132201, [4716, 105977]) // ' The predicted lift (+132,201) is above that range …'
 */
export function pointOutsideSentence(lift: number, interval: readonly [number, number] | null, source: DrawSource = 'bootstrap', money?: MoneyFormat): string {
  if (!interval || (lift >= interval[0] && lift <= interval[1])) return '';
  const signed = signedAmount(lift, money);
  const short = drawsName(source).short;
  return lift > interval[1]
    ? ` The predicted lift (${signed}) is above that range: the fitted curves promise more than 95% of the ${short} do, which happens when a curve sits at the edge of what the fit allows (see the fit's warnings). Plan on the range, not on the point.`
    : ` The predicted lift (${signed}) is below that range: 95% of the ${short} predict more, so the point is a cautious figure.`;
}

