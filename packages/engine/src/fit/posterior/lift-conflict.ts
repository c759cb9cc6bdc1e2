import { bootstrapInterval } from '../../stats/bootstrap-interval.ts';

/**
 * A channel whose lift-calibrated ROI and the ROI the data alone give disagree: their 90% posterior
 * ranges do not overlap (plain JSON, model.json `search.liftConflicts`).
 */
export interface LiftConflict {
  readonly channel: string;
  /** 5% and 95% of the channel's ROI over the hyperparameter posterior without the lift tests. */
  readonly dataOnly: readonly [number, number];
  /** The same with the lift tests' likelihood (the posterior the model was chosen from). */
  readonly calibrated: readonly [number, number];
}

/**
 * The tested channels whose ROI the lift tests move outside what the data alone allow: the 90% range
 * of the ROI over the hyperparameter posterior with the tests and the one without them do not
 * overlap. Agreeing tests narrow the range inside the data's; a test that pulls a channel to a place
 * the data rule out is either wrong for this model (a window that sees only the early tail of a long
 * lag, which a wrongly shaped kernel turns into a wrong ROI; a standard error too small; a lift for
 * another market) or shows the model wrong: either way the ROI should not be trusted as calibrated.
 * On the b2b simulation (seed 3) with its 12-week tests of 3–6 month lags, the tests moved webinars
 * from 1.36 to 0.00 and linkedin from 2.43 to 5.22 (truth 2.39 and 1.93).
 * @param channels channel names [nChannels]
 * @param tested indices of the channels with at least one lift test
 * @param dataOnly ROI per posterior sample without the tests, row-major [nDataOnly × nChannels]
 * @param calibrated ROI per posterior sample with them, row-major [nCalibrated × nChannels]
 * @returns the conflicting channels, in channel order
 * @example liftConflicts(['tv'], [0], Float64Array.of(1, 1.1, 1.2), Float64Array.of(0.1, 0.2)) // [{ channel: 'tv', dataOnly: [1.01, 1.19], calibrated: [0.105, 0.195] }]
 */
export function liftConflicts(channels: readonly string[], tested: readonly number[], dataOnly: Float64Array, calibrated: Float64Array): LiftConflict[] {
  const nC = channels.length;
  const range = (roi: Float64Array, c: number): [number, number] => {
    const v = Float64Array.from({ length: roi.length / nC }, (_, s) => roi[s * nC + c]).filter(Number.isFinite);
    return v.length === 0 ? [NaN, NaN] : bootstrapInterval(v, 0.9);
  };
  const out: LiftConflict[] = [];
  for (const c of [...new Set(tested)].sort((a, b) => a - b)) {
    const d = range(dataOnly, c), k = range(calibrated, c);
    if (k[1] < d[0] || k[0] > d[1]) out.push({ channel: channels[c], dataOnly: d, calibrated: k });
  }
  return out;
}
