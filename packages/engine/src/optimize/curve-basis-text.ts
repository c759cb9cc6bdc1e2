import { drawsName, type DrawSource } from './explain-interval.ts';

/**
 * Which response curves a figure uses. `mixwise optimize` in steady state, the dashboard's simulator,
 * its scenarios and the recommendation use the expected response (the mean of the replicate curves);
 * the explorer's curves, `--uncertainty point` and flighted plans use the fitted model's point
 * estimate (docs/optimize.md "Uncertainty"). The two differ at the same spend, so every output says
 * which it shows, in these words.
 */
export type CurveBasis = 'expected' | 'point';

/**
 * The short phrase that says which curves a figure uses (the CLI, the report and the dashboard share it).
 * @param basis 'expected' or 'point'
 * @param replicates how many replicates the expected curves average
 * @param source what the replicates are (drawSource(model)): bootstrap refits or a Bayesian fit's posterior draws
 * @example curveBasisText('expected', 100, 'bootstrap') // 'expected over 100 bootstrap replicates'
 * @example curveBasisText('point', 100, 'bootstrap') // "the fitted model's point estimate"
 */
export function curveBasisText(basis: CurveBasis, replicates: number, source: DrawSource): string {
  if (basis === 'point') return "the fitted model's point estimate";
  if (replicates === 0) return "the fitted model's point estimate (the model has no replicates to average)";
  return `expected over ${replicates} ${drawsName(source).plural}`;
}

/**
 * Which periods "current" spend is the mean of, in words.
 * @param referencePeriods the periods `mixwise optimize --reference-periods` used (or the whole window)
 * @param windowPeriods the modeling window's periods
 * @param asked how the front end names the setting, in the brackets (default the CLI's `--reference-periods N`; the API says `"referencePeriods": N`)
 * @example referencePeriodsText(13, 208) // 'the mean spend per period over the last 13 of the 208 modeled periods (--reference-periods 13)'
 * @example referencePeriodsText(208, 208) // 'the mean spend per period over all 208 modeled periods'
 */
export function referencePeriodsText(referencePeriods: number, windowPeriods: number, asked = `--reference-periods ${referencePeriods}`): string {
  return referencePeriods < windowPeriods
    ? `the mean spend per period over the last ${referencePeriods} of the ${windowPeriods} modeled periods (${asked})`
    : `the mean spend per period over all ${windowPeriods} modeled periods`;
}
