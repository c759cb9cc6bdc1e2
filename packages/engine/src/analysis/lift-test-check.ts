import type { MmmModel } from '../model/mmm-model.ts';
import { liftEffect } from '../model/lift-effect.ts';
import { replicateModels } from '../model/replicate-models.ts';
import { liftTestRows } from '../spec/lift-test-rows.ts';
import { liftTestStandardError } from '../spec/model-spec.ts';
import { interval90 } from './interval90.ts';

/**
 * A model that misses a lift test by more than this many of the test's standard errors disagrees with
 * it (about a 5% chance for a correct model and test): the CLI printout, the report and the dashboard flag it.
 */
export const LIFT_TEST_DISAGREEMENT_Z = 2;

/** Whether the model disagrees with a test (|z| > LIFT_TEST_DISAGREEMENT_Z). @example liftTestDisagrees({ z: -2.5 }) // true */
export function liftTestDisagrees(check: Pick<LiftTestCheck, 'z'>): boolean {
  return Math.abs(check.z) > LIFT_TEST_DISAGREEMENT_Z;
}

/** How the fitted model agrees with one lift test (summary.json `lift_tests`). */
export interface LiftTestCheck {
  readonly channel: string;
  /** Geo-level fits: the geos the test ran in (absent for a test in every geo). */
  readonly geos?: readonly string[];
  readonly start: string;
  readonly end: string;
  /** Last date the lift was measured over (the test's end unless stated). */
  readonly measured_through: string;
  /** The experiment's measured lift. */
  readonly measured: number;
  /** Its standard error (stated, or the default share of the lift the fit assumed). */
  readonly standard_error: number;
  /** The model's lift: what the channel's spend in the test periods added over the measured periods (liftEffect). */
  readonly predicted: number;
  /** 90% interval of that lift over the bootstrap replicates, or null without replicates. */
  readonly predicted_interval: readonly [number, number] | null;
  /** (predicted − measured) / standard_error: how many standard errors the model misses the test by. */
  readonly z: number;
}

/**
 * Compare a fitted model with the lift tests it was calibrated on: for each test, the model's lift
 * (liftEffect: what the channel's spend in the test periods added over the measured periods, the
 * quantity the calibration compares, see fit/posterior/lift-likelihood.ts), its 90% bootstrap interval, and the miss in
 * standard errors; a geo test (t.geos, geo-level models) is the lift in its geos and says which.
 * |z| well above 2 means the data and the experiment disagree: check the test's
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
    const rows = liftTestRows(model.dates, t);
    const geos = t.geos === undefined ? undefined : t.geos.map((g) => model.panel?.geos.indexOf(g) ?? -1);
    const known = geos === undefined || geos.every((g) => g >= 0);
    const effect = (m: MmmModel): number => (c < 0 || !known ? NaN : liftEffect(m.channels[c], rows, geos));
    const predicted = effect(model);
    const reps = replicates.map(effect).filter((v) => Number.isFinite(v));
    const se = liftTestStandardError(t);
    return {
      channel: t.channel, ...(t.geos === undefined ? {} : { geos: [...t.geos] }), start: t.start, end: t.end, measured_through: t.measuredThrough ?? t.end, measured: t.lift, standard_error: se, predicted,
      predicted_interval: interval90(reps),
      z: (predicted - t.lift) / se,
    };
  });
}
