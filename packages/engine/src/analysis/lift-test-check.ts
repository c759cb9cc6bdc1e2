import type { MmmModel } from '../model/mmm-model.ts';
import { channelContribution } from '../model/channel-response.ts';
import { replicateModels } from '../model/replicate-models.ts';
import { liftTestRows } from '../spec/lift-test-rows.ts';
import { liftTestStandardError } from '../spec/model-spec.ts';
import { sumRange } from './decomposition.ts';
import { quantile } from '../stats/quantile.ts';

/** How the fitted model agrees with one lift test (summary.json `lift_tests`). */
export interface LiftTestCheck {
  readonly channel: string;
  readonly start: string;
  readonly end: string;
  /** The experiment's measured lift. */
  readonly measured: number;
  /** Its standard error (stated, or the default share of the lift the fit assumed). */
  readonly standard_error: number;
  /** The model's contribution of the channel over the test's periods. */
  readonly predicted: number;
  /** 90% interval of that contribution over the bootstrap replicates, or null without replicates. */
  readonly predicted_interval: readonly [number, number] | null;
  /** (predicted − measured) / standard_error: how many standard errors the model misses the test by. */
  readonly z: number;
}

/**
 * Compare a fitted model with the lift tests it was calibrated on: for each test, the model's
 * contribution of the tested channel over the test's periods (the quantity the test measures in the
 * calibration, see fit/posterior/lift-likelihood.ts), its 90% bootstrap interval, and the miss in
 * standard errors. |z| well above 2 means the data and the experiment disagree: check the test's
 * dates and channel, or whether something else changed during it.
 * @param model a fitted model (its spec.liftTests)
 * @returns one row per lift test, in the spec's order (empty without tests)
 * @example liftTestCheck(model).map((t) => t.z) // e.g. [0.4, -1.1]
 */
export function liftTestCheck(model: MmmModel): LiftTestCheck[] {
  const tests = model.spec.liftTests;
  if (tests.length === 0) return [];
  const replicates = replicateModels(model);
  return tests.map((t) => {
    const c = model.channels.findIndex((ch) => ch.name === t.channel);
    const { startRow, endRow } = liftTestRows(model.dates, t);
    // Only the modeled window's rows enter the fit (as in the calibration).
    const a = Math.max(startRow, model.window.start), b = Math.min(endRow, model.window.end - model.holdout);
    const over = (m: MmmModel): number => (c < 0 ? NaN : sumRange(channelContribution(m.channels[c]), a, b));
    const predicted = over(model);
    const reps = replicates.map(over).filter((v) => Number.isFinite(v));
    const se = liftTestStandardError(t);
    return {
      channel: t.channel, start: t.start, end: t.end, measured: t.lift, standard_error: se, predicted,
      predicted_interval: reps.length >= 10 ? [quantile(reps, 0.05), quantile(reps, 0.95)] : null,
      z: (predicted - t.lift) / se,
    };
  });
}
