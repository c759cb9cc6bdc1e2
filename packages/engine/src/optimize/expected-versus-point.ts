import { compileCurve } from './curve.ts';
import { drawsName, type DrawSource } from './explain-interval.ts';
import { proseAmount } from '../text/prose-format.ts';
import type { ResponseModel } from './types.ts';
import { replicateCount } from './replicate-count.ts';
import { median } from '../stats/median.ts';
import { MATERIAL_FLOOR, MATERIAL_RATIO, materiallyDifferent } from '../analysis/material-difference.ts';

// The threshold lives with the analysis notes that share it; re-exported for the optimizer's callers.
export { MATERIAL_RATIO, materiallyDifferent };

/** One channel at its current steady spend on the averaged (expected) and on the point curves. */
export interface ExpectedVersusPointChannel {
  readonly channel: string;
  /** KPI per unit of spend at the current steady spend: on the mean of the replicate curves, on the point curve; null at zero spend. */
  readonly roiExpected: number | null;
  readonly roiPoint: number | null;
  /** The median over the replicates of their own ROI at that spend (null at zero spend or without replicates). */
  readonly roiMedian: number | null;
  /** The slope at that spend on either curve. */
  readonly mroiExpected: number;
  readonly mroiPoint: number;
}

/** The current steady spend's KPI on the averaged curves and on the point curves, per channel and in total. */
export interface ExpectedVersusPoint {
  /** Predicted KPI per period at the current steady spend (baseline + media). */
  readonly kpiExpected: number;
  readonly kpiPoint: number;
  readonly channels: readonly ExpectedVersusPointChannel[];
  /** How many replicate curves the expected figures average. */
  readonly replicates: number;
}

/**
 * The current steady spend evaluated on both sets of curves `mixwise optimize` may use: the mean of
 * the replicate curves (`components`, its default) and the point estimate (--uncertainty point). A
 * channel's expected ROI is the mean of the replicates' ROIs at that spend, so a few replicates with a
 * very high ROI pull it far above the point curve's and the replicates' median.
 * @param expected a response model whose channels carry their replicate curves (responseModelFromMmm with uncertainty 'expected')
 * @returns null when the model carries no replicates (then both are the point curves)
 * @throws EngineError INVALID_ARGUMENT when the channels carry different numbers of replicates (replicateCount)
 * @example expectedVersusPoint(rm)?.channels[0] // { channel: 'facebook', roiExpected: 12.18, roiPoint: 5.33, roiMedian: 3.1, … }
 */
export function expectedVersusPoint(expected: ResponseModel): ExpectedVersusPoint | null {
  const replicates = replicateCount(expected);
  if (replicates === 0) return null;
  let kpiExpected = expected.baseline, kpiPoint = expected.baseline;
  const channels = expected.channels.map((ch) => {
    const x = ch.current;
    const mean = compileCurve(ch), point = compileCurve({ ...ch, components: undefined });
    const ye = mean.value(x), yp = point.value(x);
    kpiExpected += ye;
    kpiPoint += yp;
    const own = (ch.components ?? []).map((c) => compileCurve({ name: ch.name, current: x, ...c }).value(x) / x);
    return {
      channel: ch.name,
      roiExpected: x > 0 ? ye / x : null, roiPoint: x > 0 ? yp / x : null, roiMedian: x > 0 && own.length > 0 ? median(own) : null,
      mroiExpected: mean.d1(x), mroiPoint: point.d1(x),
    };
  });
  return { kpiExpected, kpiPoint, channels, replicates };
}

/**
 * The basis of the planner's figures in words: a steady spend per period, on the mean of the
 * replicates' curves or on the point estimate.
 * @param replicates how many replicate curves the figures average (0: the point estimate)
 * @param source what the replicates are (drawSource(model))
 * @example steadyBasisText(100, 'bootstrap') // "a steady spend per period at each level, on the mean of the 100 bootstrap replicates' response curves"
 */
export function steadyBasisText(replicates: number, source: DrawSource = 'bootstrap'): string {
  if (replicates === 0) return "a steady spend per period at each level, on the fitted model's point-estimate response curves";
  return `a steady spend per period at each level, on the mean of the ${replicates} ${drawsName(source).plural}' response curves`;
}

/**
 * Why a channel's averaged ROI is far from its point curve's, read off the replicates' median: a median
 * on the mean's side of the point (at least half as far out) says most replicates' curves lie above
 * (below) the point estimate's; otherwise a few replicates with a very high (low) ROI pull the mean.
 */
function gapReason(c: ExpectedVersusPointChannel, short: string, roiName: string): string {
  const mean = c.roiExpected ?? NaN, point = c.roiPoint ?? NaN, med = c.roiMedian;
  if (med === null) return '';
  const up = mean > point;
  const most = (med - point) * (mean - point) > 0 && Math.abs(med - point) >= 0.5 * Math.abs(mean - point);
  return most
    ? ` (median over the ${short} ${proseAmount(med)}: most ${short}' curves lie ${up ? 'above' : 'below'} the point estimate's)`
    : ` (median over the ${short} ${proseAmount(med)}: a few ${short} with a very ${up ? 'high' : 'low'} ${roiName} pull the average ${up ? 'up' : 'down'})`;
}

/**
 * The sentence that gives both figures where the averaged curves and the point curve disagree
 * materially (MATERIAL_RATIO, at least 5% of the largest point ROI apart) on a channel's ROI at its
 * current steady spend, or (the same test, on the largest point mROI) on its marginal ROI there, which
 * drives the plan even when the ROIs agree; says why for an ROI (gapReason: a few replicates with a very high ROI pulling the
 * average, or most replicates' curves lying elsewhere than the point estimate's), with the expected
 * KPI now on both and the option that plans on the point estimate; '' when no channel differs.
 * @param cmp expectedVersusPoint of the planner's response model
 * @param source what the replicates are
 * @param roiName what the ROI is called ('ROI', or 'KPI per spend' for a count KPI)
 * @param kpi the KPI's name
 * @example expectedPointGapText(cmp, 'bootstrap', 'ROI', 'revenue') // ' The mean over 100 replicates differs from the point estimate at the current steady spend: facebook's ROI 12.18 against 5.33 (median over the replicates 2.68: a few replicates with a very high ROI pull the average up); …'
 */
export function expectedPointGapText(cmp: ExpectedVersusPoint | null, source: DrawSource, roiName: string, kpi: string): string {
  if (cmp === null) return '';
  const scale = Math.max(...cmp.channels.map((c) => Math.abs(c.roiPoint ?? 0)));
  const gaps = cmp.channels.filter((c) => c.roiExpected !== null && c.roiPoint !== null && materiallyDifferent(c.roiExpected, c.roiPoint, MATERIAL_FLOOR * scale));
  // The same test on the slope, which drives the plan: the ROIs can agree while the marginal ROIs do not.
  const mScale = Math.max(...cmp.channels.map((c) => Math.abs(c.mroiPoint)));
  const mGaps = cmp.channels.filter((c) => materiallyDifferent(c.mroiExpected, c.mroiPoint, MATERIAL_FLOOR * mScale));
  if (gaps.length === 0 && mGaps.length === 0) return '';
  const short = drawsName(source).short;
  const each = gaps.map((c) => `${c.channel} ${proseAmount(c.roiExpected ?? NaN)} against ${proseAmount(c.roiPoint ?? NaN)}${gapReason(c, short, roiName)}`).join('; ');
  const mEach = mGaps.map((c) => `${c.channel} ${proseAmount(c.mroiExpected)} against ${proseAmount(c.mroiPoint)}`).join('; ');
  return (gaps.length === 0 ? '' : ` At the current steady spend the mean over the ${cmp.replicates} ${short}' curves and the point estimate's curve give a different ${roiName}: ${each}.`)
    + (mGaps.length === 0 ? '' : ` ${gaps.length === 0 ? `At the current steady spend the mean over the ${cmp.replicates} ${short}' curves and the point estimate's curve give` : 'They also give'} a different marginal ${roiName} (the return on the next unit of spend, which the plan follows): ${mEach}.`)
    + ` Expected ${kpi} now is ${proseAmount(cmp.kpiExpected)} on the averaged curves and ${proseAmount(cmp.kpiPoint)} on the point estimate's; --uncertainty point plans on the point estimate.`;
}
