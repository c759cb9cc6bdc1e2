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

/**
 * Each channel's 90% ROI interval over the model's replicates (bootstrap, or posterior draws), by
 * channel name: summary.json's `roi_interval`, for callers that hold the model but not its summary.
 * @param model the fitted model's channel names and replicate ROIs, [nReplicates][nChannels]
 * @example channelRoiIntervals({ channels: [{ name: 'tv' }], bootstrapRoi: Array.from({ length: 11 }, (_, r) => [r]) }) // { tv: [0.5, 9.5] }
 */
export function channelRoiIntervals(model: { readonly channels: readonly { readonly name: string }[]; readonly bootstrapRoi: readonly (readonly number[])[] }): Record<string, [number, number] | null> {
  const iv = replicateIntervals(model.bootstrapRoi, model.channels.length);
  return Object.fromEntries(model.channels.map((c, k) => [c.name, iv[k]]));
}
