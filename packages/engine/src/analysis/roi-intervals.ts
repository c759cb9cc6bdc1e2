import { quantile } from '../stats/quantile.ts';

/** Fewer finite replicates than this give no interval (summary.json's roi_interval, the optimizer's lift interval). */
export const MIN_REPLICATES = 10;

/**
 * Each channel's 90% interval over the replicates, as summary.json reports it (`roi_interval`): the
 * 5% and 95% quantiles (type 7) of the finite replicate ROIs, or null for a channel with fewer than
 * MIN_REPLICATES finite values. The one definition the summary and the interval guard of the default
 * model (fit/posterior/recentre-on-intervals.ts) share, so "inside its own interval" means the same.
 * @param replicateRoi [replicates][channels]
 * @param nChannels number of channels
 * @example roiIntervals(Array.from({ length: 11 }, (_, r) => [r]), 1) // [[0.5, 9.5]]
 */
export function roiIntervals(replicateRoi: readonly (readonly number[])[], nChannels: number): ([number, number] | null)[] {
  return Array.from({ length: nChannels }, (_, c) => {
    const v = replicateRoi.map((r) => r[c]).filter(Number.isFinite);
    return v.length >= MIN_REPLICATES ? [quantile(v, 0.05), quantile(v, 0.95)] : null;
  });
}
