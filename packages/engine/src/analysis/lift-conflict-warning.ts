import type { MmmModel } from '../model/mmm-model.ts';
import { channelEffectTiming } from './effect-timing.ts';
import { effectTimingText } from '../text/effect-timing-text.ts';
import type { FitWarning } from './fit-warnings.ts';

/** An ROI to 3 significant digits: 0.00, 0.215, 5.22. */
const roi = (x: number): string => (x === 0 ? '0.00' : String(Number(x.toPrecision(3))));

/**
 * LIFT_TEST_CONFLICT warnings, one per channel in model.search.liftConflicts: the lift tests pull its
 * ROI to where the data alone rule it out (liftConflicts). Says both ranges, when the channel's effect
 * lands by the fitted kernel (a test window shorter than that sees only its early tail), and what to check.
 * @param model a fitted model
 * @returns the warnings, in channel order ([] without conflicts)
 * @example liftConflictWarnings(model)[0].message // 'the lift test on webinars pulls its ROI to 0.00–0.215 …'
 */
export function liftConflictWarnings(model: MmmModel): FitWarning[] {
  return (model.search.liftConflicts ?? []).map((c) => {
    const k = model.channels.findIndex((x) => x.name === c.channel);
    const timing = k >= 0 ? ` (by the fitted kernel its effect ${effectTimingText(channelEffectTiming(model, k))})` : '';
    return {
      code: 'LIFT_TEST_CONFLICT', channel: c.channel,
      message: `the lift test on ${c.channel} pulls its ROI to ${roi(c.calibrated[0])}–${roi(c.calibrated[1])} (90% of the calibrated posterior), while the data alone put it at ${roi(c.dataOnly[0])}–${roi(c.dataOnly[1])}: the two disagree, so do not read the ROI of ${c.channel} as calibrated. `
        + `A test measured over a window much shorter than the channel's lag${timing} sees only the lag's early tail, and a wrongly shaped kernel turns that into a wrong ROI; check that measured_through covers most of the lag, the test's standard error, and that its lift is for the market the model covers`,
    };
  });
}
