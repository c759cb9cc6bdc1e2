import { relativeL1 } from './posterior-medoid.ts';

/** Whether every channel's ROI lies inside its interval (a channel without an interval, or without a finite ROI, passes). */
export function insideIntervals(roi: readonly number[], intervals: readonly ([number, number] | null)[]): boolean {
  return roi.every((v, c) => {
    const iv = intervals[c];
    return iv === null || !Number.isFinite(v) || (v >= iv[0] && v <= iv[1]);
  });
}

/**
 * The posterior sample to report when the default one has a channel ROI outside that channel's own
 * 90% interval (possible because the default is central in spend-weighted ROI, so a small channel can
 * sit in its tail): among the samples whose ROIs lie inside every interval, the one nearest the
 * default by spend-weighted relative L1 distance (the distance posteriorMedoid uses), so the big
 * channels move as little as they can. Returns −1 when no sample is inside every interval.
 * @param sampleRoi per sample its channel ROIs [nSamples][nChannels]
 * @param reference the default model's ROIs [nChannels]
 * @param intervals per channel its 90% interval (replicateIntervals)
 * @param weights per channel its spend share [nChannels]
 * @example nearestInsideSample([[9], [5]], [9], [[4, 8]], [1]) // 1
 */
export function nearestInsideSample(
  sampleRoi: readonly (readonly number[])[], reference: readonly number[],
  intervals: readonly ([number, number] | null)[], weights: readonly number[],
): number {
  let best = -1, bestD = Infinity;
  sampleRoi.forEach((roi, s) => {
    if (!insideIntervals(roi, intervals)) return;
    const d = relativeL1(roi, 0, reference, weights);
    if (d < bestD) { bestD = d; best = s; }
  });
  return best;
}
