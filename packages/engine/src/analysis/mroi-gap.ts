import type { MmmModel } from '../model/mmm-model.ts';
import { responseCurve } from './response-curve.ts';
import { replicateModels } from '../model/replicate-models.ts';
import { drawSource, type DrawSource } from '../optimize/explain-interval.ts';

/**
 * Why the fit's mROI and a planner's marginal ROI differ, in the words the report's response-curve
 * caption and the CLI's fit note share.
 */
export const MROI_SCALES_HISTORY = "the ROI table's mROI scales the actual, uneven spend, so it can differ";

/** The two marginal returns of one channel (KPI per extra unit of spend). */
export interface MroiGap {
  readonly channel: string;
  /** The fit's mROI: the extra KPI from scaling the historical spend pattern, per extra unit. */
  readonly historical: number;
  /** The slope of the steady-state response curve at the window's mean spend per period (what a budget plan uses). */
  readonly steadyState: number;
  /**
   * The same slope averaged over the model's replicate curves (bootstrap refits or posterior draws):
   * the marginal ROI `mixwise optimize` plans on by default. Absent when the model has no replicates.
   */
  readonly planned?: number;
  /** How many replicates `planned` averages, and what they are. */
  readonly replicates?: number;
  readonly plannedFrom?: DrawSource;
}

/** The two differ materially when one is at least this multiple of the other… */
export const MROI_GAP_RATIO = 2;
/** …and they are this far apart in KPI per unit of spend (so 0.01 against 0.02 is not news). */
export const MROI_GAP_MIN = 0.1;

/**
 * Channels whose fit mROI (historical spend pattern, `summary.channels[].mroi`) and steady-state
 * marginal ROI at the same mean spend differ materially (a ratio of MROI_GAP_RATIO or more and at
 * least MROI_GAP_MIN apart). A channel dark in most periods and bursting in the rest sits high on
 * its curve in the bursts, so scaling its history returns less than adding to a steady level; an
 * always-on channel with steady spend shows no gap. Both figures are the point estimate's, so the
 * gap is the spend pattern's alone; `planned` adds the replicate average the planner uses.
 * @param model the fitted model
 * @param historical each channel's fit mROI, by name (summary.channels)
 * @example mroiGaps(model, summary.channels.map((c) => ({ name: c.name, mroi: c.mroi }))) // [{ channel: 'influencer', historical: 0.31, steadyState: 2.55 }]
 */
export function mroiGaps(model: MmmModel, historical: readonly { readonly name: string; readonly mroi: number }[]): MroiGap[] {
  const { start, end } = model.window;
  const out: MroiGap[] = [];
  let reps: MmmModel[] | undefined; // built only when a gap is found
  for (const [c, ch] of model.channels.entries()) {
    const h = historical.find((c) => c.name === ch.name)?.mroi;
    let spend = 0;
    for (let t = start; t < end; t++) spend += ch.spend[t];
    if (h === undefined || !Number.isFinite(h) || !(spend > 0)) continue;
    const s = responseCurve(ch, spend / (end - start)).current.marginal;
    if (!Number.isFinite(s)) continue;
    const lo = Math.min(h, s), hi = Math.max(h, s);
    if (!(hi - lo >= MROI_GAP_MIN && (lo <= 0 || hi / lo >= MROI_GAP_RATIO))) continue;
    reps ??= replicateModels(model);
    const planned = reps.length === 0 ? NaN : reps.reduce((a, r) => a + responseCurve(r.channels[c], spend / (end - start)).current.marginal, 0) / reps.length;
    out.push({ channel: ch.name, historical: h, steadyState: s, ...(Number.isFinite(planned) ? { planned, replicates: reps.length, plannedFrom: drawSource(model) } : {}) });
  }
  return out;
}
