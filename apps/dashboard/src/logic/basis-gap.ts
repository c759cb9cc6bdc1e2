import type { ResponseModel, SummaryResult } from '@mixwise/engine';
import { formatRoi } from './format.ts';
import { whatIf } from './what-if.ts';

/**
 * The same channel's ROI or mROI measured two ways disagree, sometimes by a lot: historical figures
 * (summary.json, the fit's table, the report) are over the window's own flighted spend, steady-state
 * ones (response curves, simulator, plan) at the mean spend held level; and the point-estimate curves
 * differ from the mean of the replicate curves. Pages say how large the gap is instead of "a little".
 */

/** One channel's ROI and mROI on one basis (ROI null at zero spend). */
export interface ChannelFigures {
  readonly channel: string;
  readonly roi: number | null;
  readonly mroi: number | null;
}

/** The largest disagreement between two bases: which channel and figure, the two values, and their ratio (≥ 1). */
export interface BasisGap {
  readonly channel: string;
  readonly measure: 'ROI' | 'mROI';
  readonly a: number;
  readonly b: number;
  readonly ratio: number;
}

/** A gap at or above this ratio is "large": said with its size and the channel. */
export const LARGE_GAP = 1.2;

/** The historical figures of summary.json. */
export function historicalFigures(summary: SummaryResult): ChannelFigures[] {
  return summary.channels.map((c) => ({ channel: c.name, roi: c.roi, mroi: c.mroi }));
}

/** Steady-state ROI and mROI per channel at its current spend held level, on a response model's curves. */
export function steadyFigures(rm: ResponseModel): ChannelFigures[] {
  return whatIf(rm, rm.channels.map((c) => c.current)).channels.map((c) => ({ channel: c.channel, roi: c.roi, mroi: c.mroi }));
}

/**
 * The channel and figure where two bases differ most, by the ratio of the larger to the smaller
 * (figures ≤ 0 or missing are left out: their ratio says nothing). ROI is called by `roiName`.
 * @returns null when no channel has both figures on both bases
 * @example largestGap(historicalFigures(summary), steadyFigures(rm)) // { channel: 'tv', measure: 'mROI', a: 0.32, b: 0.96, ratio: 3 }
 */
export function largestGap(a: readonly ChannelFigures[], b: readonly ChannelFigures[]): BasisGap | null {
  const other = new Map(b.map((f) => [f.channel, f]));
  let best: BasisGap | null = null;
  for (const fa of a) {
    const fb = other.get(fa.channel);
    if (!fb) continue;
    for (const measure of ['mROI', 'ROI'] as const) {
      const x = measure === 'ROI' ? fa.roi : fa.mroi, y = measure === 'ROI' ? fb.roi : fb.mroi;
      if (x === null || y === null || !(x > 0) || !(y > 0) || !Number.isFinite(x) || !Number.isFinite(y)) continue;
      const ratio = Math.max(x, y) / Math.min(x, y);
      if (best === null || ratio > best.ratio) best = { channel: fa.channel, measure, a: x, b: y, ratio };
    }
  }
  return best;
}

/**
 * A ratio as a size: under 2× as a percentage, from 2× as a multiple.
 * @example gapSize(1.08) // '8%'
 * @example gapSize(3.04) // '3.0×'
 */
export function gapSize(ratio: number): string {
  return ratio < 2 ? `${Math.round((ratio - 1) * 100)}%` : `${ratio.toFixed(1)}×`;
}

/**
 * How far two bases differ, as a clause: 'by up to 3.0× (tv mROI: 0.32 historical, 0.96 steady state)'
 * when large, else 'a little (at most 8%)'.
 * @param gap largestGap of the two bases
 * @param names what to call basis a and basis b
 * @param roiName what KPI ÷ spend is called ('ROI' or 'KPI per spend')
 */
export function gapClause(gap: BasisGap, names: readonly [string, string], roiName = 'ROI'): string {
  if (gap.ratio < LARGE_GAP) return `a little (at most ${gapSize(gap.ratio)})`;
  const what = gap.measure === 'ROI' ? roiName : 'mROI';
  return `by up to ${gapSize(gap.ratio)} (${gap.channel} ${what}: ${formatRoi(gap.a)} ${names[0]}, ${formatRoi(gap.b)} ${names[1]})`;
}

/**
 * The note beside historical and steady-state figures: which is which, and how far apart they are here.
 * @param gap largestGap(historicalFigures(summary), steadyFigures(rm)); null when unknown (the size is then left out)
 * @param period the word for one period, e.g. 'week'
 * @param roiName what KPI ÷ spend is called
 * @example basisNote(gap, 'week') // 'Historical ROI and mROI (the fit's table, the Executive page, the report) are over the modelling window's own, flighted spend; steady-state ones (response curves, simulator, recommendation) hold the mean weekly spend level every week. With saturating curves and uneven spend they differ, here by up to 3.0× (tv mROI: 0.32 historical, 0.96 steady state).'
 */
export function basisNote(gap: BasisGap | null, period: string, roiName = 'ROI'): string {
  const head = `Historical ${roiName} and mROI (the fit's table, the Executive page, the report) are over the modelling window's own, flighted spend; `
    + `steady-state ones (response curves, simulator, recommendation) hold the mean spend per ${period} level every ${period}.`;
  if (gap === null) return `${head} With saturating curves and uneven spend they differ.`;
  return `${head} With saturating curves and uneven spend they differ, here ${gapClause(gap, ['historical', 'steady state'], roiName)}.`;
}
