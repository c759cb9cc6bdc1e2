import type { MmmModel } from '../model/mmm-model.ts';
import { channelEffectTiming } from './effect-timing.ts';
import { effectTimingText } from '../text/effect-timing-text.ts';
import { replicateIntervals } from './replicate-intervals.ts';
import type { FitWarning } from './fit-warnings.ts';
import { liftTestRows } from '../spec/lift-test-rows.ts';

/** An ROI to 3 significant digits: 0.00, 0.215, 5.22. */
const roi = (x: number): string => (x === 0 ? '0.00' : String(Number(x.toPrecision(3))));

/**
 * The fewest periods any of a channel's lift tests was measured past its last test period
 * (measured_through − end, in rows of model.dates, the test's dates placed on them as liftTestRows does); null
 * when no test covers a row.
 */
export function shortestFollowUp(model: Pick<MmmModel, 'dates' | 'spec'>, channel: string): number | null {
  let out: number | null = null;
  for (const t of model.spec.liftTests) {
    if (t.channel !== channel) continue;
    // By rows, not exact dates: a test's dates may bracket the rows (a week dated Monday, a test from Wednesday).
    const { startRow, endRow, measureEndRow } = liftTestRows(model.dates, t);
    if (endRow <= startRow) continue;
    out = out === null ? measureEndRow - endRow : Math.min(out, measureEndRow - endRow);
  }
  return out;
}

/**
 * LIFT_TEST_CONFLICT warnings, one per channel in model.search.liftConflicts: the lift tests pull its
 * ROI to where the data alone rule it out (liftConflicts). Says both ranges and where they come from
 * (the ridge search's hyperparameter posterior, coefficients fitted to the KPI alone), beside the
 * table's own interval (bootstrap refits calibrated by the tests, or a Bayesian fit's NUTS draws),
 * then the causes the evidence supports:
 * - the data alone above the test: an omitted driver that moves with the channel's spend (a
 *   confounder), whose effect the data credit to the channel; below it: one that moves against the
 *   spend, or a baseline term absorbing part of the effect;
 * - a curve family (adstock, saturation) that cannot fit both the test and the data;
 * - the lag's tail, only when the fitted kernel's 90% point lies beyond the shortest time any of the
 *   channel's tests was measured after its last test period (otherwise the window saw the effect).
 * @param model a fitted model
 * @returns the warnings, in channel order ([] without conflicts)
 * @example liftConflictWarnings(model)[0].message // 'the lift test on webinars pulls its ROI to 0.00–0.215 …'
 */
export function liftConflictWarnings(model: MmmModel): FitWarning[] {
  const conflicts = model.search.liftConflicts ?? [];
  if (conflicts.length === 0) return [];
  const table = replicateIntervals(model.bootstrapRoi, model.channels.length);
  const from = model.bayes !== undefined ? 'the Bayesian draws' : 'the bootstrap refits, whose coefficients also take the tests in';
  return conflicts.map((c) => {
    const k = model.channels.findIndex((x) => x.name === c.channel);
    const iv = k >= 0 ? table[k] : null;
    const source = ` (90% ranges over the ridge search's hyperparameter posterior with and without the tests, each sample's coefficients fitted to the KPI alone; the table's 90% interval${iv ? `, ${roi(iv[0])}–${roi(iv[1])},` : ''} is from ${from})`;
    const higher = c.dataOnly[0] > c.calibrated[1];
    const driver = higher
      ? `a driver of the KPI left out of the model that moves with the spend on ${c.channel} (a confounder: demand, promotions or a season that also sets the budget), whose effect the data alone credit to ${c.channel}`
      : `a driver left out of the model that moves against the spend on ${c.channel}, or a baseline term (trend, seasonality, a control) that takes part of its effect`;
    return {
      code: 'LIFT_TEST_CONFLICT', channel: c.channel,
      message: `the lift test on ${c.channel} pulls its ROI to ${roi(c.calibrated[0])}–${roi(c.calibrated[1])}, while the data alone put it at ${roi(c.dataOnly[0])}–${roi(c.dataOnly[1])}${source}: the two disagree, so do not read the ROI of ${c.channel} as calibrated. `
        + `The data alone read it ${higher ? 'higher' : 'lower'} than the test. Likely causes: ${driver}; or curves (adstock, saturation) of a family that cannot fit both the test and the data${lagTail(model, k, c.channel)}. `
        + `Check: add the missing driver with --controls, the test's standard error, and that its lift is for the market the model covers`,
    };
  });
}

/** The lag-tail cause, only when the fitted kernel's 90% point lies beyond a test's follow-up ('' otherwise). */
function lagTail(model: MmmModel, k: number, channel: string): string {
  if (k < 0) return '';
  const timing = channelEffectTiming(model, k);
  const follow = shortestFollowUp(model, channel);
  if (follow === null || timing.lag_90 <= follow) return '';
  return `; or a test window that sees only the lag's early tail: by the fitted kernel its effect ${effectTimingText(timing)}, `
    + `but a test was measured only ${follow} ${timing.period}${follow === 1 ? '' : 's'} past its last ${timing.period}, and a wrongly shaped kernel turns that tail into a wrong ROI (measure through more of the lag)`;
}
