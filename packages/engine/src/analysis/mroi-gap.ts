import type { MmmModel } from '../model/mmm-model.ts';
import { responseCurve } from './response-curve.ts';
import { replicateModels } from '../model/replicate-models.ts';
import { drawSource, type DrawSource } from '../optimize/explain-interval.ts';
import { MATERIAL_FLOOR, MATERIAL_RATIO, materiallyDifferent } from './material-difference.ts';

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

/** The two differ materially when one is at least this multiple of the other (either way; MATERIAL_RATIO)… */
export const MROI_GAP_RATIO = MATERIAL_RATIO;
/** …and they are at least this share of the channel's ROI apart (MATERIAL_FLOOR). */
export const MROI_GAP_FLOOR = MATERIAL_FLOOR;

/**
 * Channels whose fit mROI (historical spend pattern, `summary.channels[].mroi`) and a planner's
 * marginal ROI at the same mean spend differ materially: the steady-state point curve's, or the
 * replicate average `mixwise optimize` plans on (`planned`), at a ratio of MROI_GAP_RATIO or more
 * either way and at least MROI_GAP_FLOOR × the channel's ROI apart (materiallyDifferent). A channel
 * dark in most periods and bursting in the rest sits high on its curve in the bursts, so scaling its
 * history returns less than adding to a steady level; an always-on channel with steady spend shows no
 * gap between the point figures, though the replicates' average may still differ.
 * @param model the fitted model
 * @param historical each channel's fit mROI, and its ROI for the floor (summary.channels; without an ROI the floor is 0)
 * @example mroiGaps(model, summary.channels.map((c) => ({ name: c.name, mroi: c.mroi, roi: c.roi }))) // [{ channel: 'influencer', historical: 0.31, steadyState: 2.55 }]
 */
export function mroiGaps(model: MmmModel, historical: readonly { readonly name: string; readonly mroi: number; readonly roi?: number | null }[]): MroiGap[] {
  const { start, end } = model.window;
  const out: MroiGap[] = [];
  const reps = replicateModels(model);
  for (const [c, ch] of model.channels.entries()) {
    const own = historical.find((c) => c.name === ch.name);
    const h = own?.mroi;
    let spend = 0;
    for (let t = start; t < end; t++) spend += ch.spend[t];
    if (h === undefined || !Number.isFinite(h) || !(spend > 0)) continue;
    const mean = spend / (end - start);
    const s = responseCurve(ch, mean).current.marginal;
    if (!Number.isFinite(s)) continue;
    const planned = reps.length === 0 ? NaN : reps.reduce((a, r) => a + responseCurve(r.channels[c], mean).current.marginal, 0) / reps.length;
    const floor = MROI_GAP_FLOOR * Math.abs(own?.roi ?? 0);
    if (!materiallyDifferent(h, s, floor) && !(Number.isFinite(planned) && materiallyDifferent(h, planned, floor))) continue;
    out.push({ channel: ch.name, historical: h, steadyState: s, ...(Number.isFinite(planned) ? { planned, replicates: reps.length, plannedFrom: drawSource(model) } : {}) });
  }
  return out;
}
