import { interval90 } from './interval90.ts';

export { MIN_REPLICATES } from './interval90.ts';

/**
 * Each column's 90% interval over the replicates (interval90): per channel ROI as summary.json reports
 * it (`roi_interval`), per organic series its contribution (`contribution_interval`); null for a column
 * with fewer than MIN_REPLICATES finite values. The one definition the summary and the interval guard
 * of the default model (fit/posterior/recentre-on-intervals.ts) share, so "inside its own interval"
 * means the same.
 * @param replicates [replicates][nColumns]
 * @param nColumns number of columns (channels or organic series)
 * @example replicateIntervals(Array.from({ length: 11 }, (_, r) => [r]), 1) // [[0.5, 9.5]]
 */
export function replicateIntervals(replicates: readonly (readonly number[])[], nColumns: number): ([number, number] | null)[] {
  return Array.from({ length: nColumns }, (_, c) => interval90(replicates.map((r) => r[c])));
}
