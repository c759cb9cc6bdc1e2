import { paidChannelCount, type SearchProblem } from '../search/search-problem.ts';
import type { CandidateFit, DetailedEvaluator } from '../search/candidate-evaluator.ts';
import { candidateChannels } from '../candidate-channels.ts';
import { mediaRoi } from '../panel-contribution.ts';
import { insideIntervals, nearestInsideSample } from './interval-guard.ts';
import { replicateIntervals } from '../../analysis/replicate-intervals.ts';

/**
 * What to do when the default model's ROI sits outside a channel's interval: 'moved' to the
 * replacement posterior sample, or 'kept' (no sample is inside every interval) with the note saying so.
 */
export type Recentred =
  | { readonly type: 'moved'; readonly u: Float64Array; readonly fit: CandidateFit; /** What was moved and why, for the selection rule in model.json. */ readonly note: string }
  | { readonly type: 'kept'; /** Which channels stay outside, for the selection rule. */ readonly note: string };

/**
 * Keep every reported ROI inside its own 90% interval: when the default model's ROI for some channel
 * lies outside the interval its replicates give (summary.json's `roi_interval`), report instead the
 * posterior sample nearest it whose ROIs are all inside (nearestInsideSample). Returns null when the
 * default is already inside or there are too few replicates for intervals. When no sample is inside
 * every interval the default is kept, never silently: the result is 'kept' with a note naming the
 * channels outside (the fit's summary also warns, ROI_OUTSIDE_INTERVAL). `refit` must be the
 * estimator the replicates used (with lift tests: coefficients calibrated by the tests), or the
 * samples' ROIs are not comparable with the intervals.
 * @param problem the search problem (ROIs over rows [fitStart, roiEnd))
 * @param refit an evaluator on all non-holdout rows
 * @param fit the default model's fit
 * @param samples the posterior samples (unit-space hyperparameters)
 * @param replicateRoi the replicates' ROIs [replicates][channels]
 * @param roiEnd end row of the ROI window (summary.json's window end)
 */
export function recentreOnIntervals(
  problem: SearchProblem, refit: DetailedEvaluator, fit: CandidateFit, samples: readonly Float64Array[],
  replicateRoi: readonly (readonly number[])[], roiEnd: number,
): Recentred | null {
  // Paid channels only (candidateChannels): organic media have no ROI and no interval.
  const nC = paidChannelCount(problem);
  const paid = problem.channels.slice(0, nC);
  const intervals = replicateIntervals(replicateRoi, nC);
  const roiOf = (f: CandidateFit): number[] => candidateChannels(problem, f).map((ch) => mediaRoi(ch, problem.fitStart, roiEnd));
  const point = roiOf(fit);
  if (insideIntervals(point, intervals)) return null;
  const spend = paid.map((ch) => { let s = 0; for (let t = problem.fitStart; t < roiEnd; t++) s += ch.spend[t]; return s; });
  const total = spend.reduce((a, b) => a + b, 0) || 1;
  const sampleRoi = samples.map((u) => roiOf(refit.fitCandidate(u)));
  const k = nearestInsideSample(sampleRoi, point, intervals, spend.map((s) => s / total));
  const outside = paid
    .map((ch, c) => ({ name: ch.name, v: point[c], iv: intervals[c] }))
    .filter((x) => x.iv !== null && Number.isFinite(x.v) && (x.v < x.iv[0] || x.v > x.iv[1]))
    .map((x) => `${x.name} ${x.v.toPrecision(3)} outside ${x.iv![0].toPrecision(3)}–${x.iv![1].toPrecision(3)}`);
  if (k < 0) {
    return { type: 'kept', note: `the medoid's ROI lies outside its own 90% interval (${outside.join(', ')}) and no posterior sample has every channel's ROI inside its interval, so the medoid is kept: read that ROI with its interval, not alone` };
  }
  return {
    type: 'moved', u: samples[k], fit: refit.fitCandidate(samples[k]),
    note: `the medoid's ROI lay outside its own 90% interval (${outside.join(', ')}), so the default model is the posterior sample nearest the medoid with every channel's ROI inside its interval`,
  };
}
