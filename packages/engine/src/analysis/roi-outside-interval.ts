import type { FitWarning } from './fit-warnings.ts';

/** An ROI to 3 significant digits, as the other warnings print them. */
const roi = (x: number): string => String(Number(x.toPrecision(3)));

/**
 * ROI_OUTSIDE_INTERVAL warnings: a channel whose point ROI lies outside its own 90% interval
 * (summary.json `roi_interval`). The fit keeps every point ROI inside its interval where it can
 * (docs/model.md §9, step 5); when no posterior sample is inside every interval it keeps the point,
 * and this says so wherever the summary is read instead of leaving two figures that disagree.
 * @param channels summary channels: name, point ROI and interval (null without one)
 * @returns one warning per channel outside (in channel order), [] otherwise
 * @example roiOutsideIntervalWarnings([{ name: 'tv', roi: 9, roi_interval: [4, 8] }])[0].code // 'ROI_OUTSIDE_INTERVAL'
 */
export function roiOutsideIntervalWarnings(
  channels: readonly { readonly name: string; readonly roi: number; readonly roi_interval: readonly [number, number] | null }[],
): FitWarning[] {
  return channels.flatMap((c) => {
    const iv = c.roi_interval;
    if (iv === null || !Number.isFinite(c.roi) || (c.roi >= iv[0] && c.roi <= iv[1])) return [];
    return [{
      code: 'ROI_OUTSIDE_INTERVAL' as const, channel: c.name,
      message: `the ROI of ${c.name}, ${roi(c.roi)}, lies ${c.roi < iv[0] ? 'below' : 'above'} its own 90% interval ${roi(iv[0])}–${roi(iv[1])}: no model the posterior allows reproduces both, so read the interval, not the point; `
        + 'this happens when the data and other evidence (lift tests, the ROI prior) pull the channel different ways (see the selection rule in model.json)',
    }];
  });
}
