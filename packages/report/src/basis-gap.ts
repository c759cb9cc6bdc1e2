import { formatRoi } from '@mixwise/charts';

/** Two figures of one channel this many times apart (or of opposite sides of 0) get their gap said in words. */
export const GAP_RATIO = 1.5;

/**
 * How many times apart two returns are: the larger over the smaller for two positive figures;
 * Infinity when one is positive and the other is not; NaN when either is not finite or neither is positive.
 * @example gapRatio(1.15, 5.27) // 4.58…
 */
export function gapRatio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return NaN;
  if (a > 0 && b > 0) return Math.max(a, b) / Math.min(a, b);
  return a > 0 || b > 0 ? Infinity : NaN;
}

/** One channel's figure on the window's actual spend and on another basis. */
export interface BasisPair {
  readonly channel: string;
  /** The ROI table's figure: over the window's actual, flighted spend. */
  readonly actual: number;
  /** The same quantity at a steady spend of the same mean per period (curves, planner). */
  readonly steady: number;
}

/**
 * The sentence that sizes the large gaps (GAP_RATIO or more) between a channel's figure over the
 * window's actual spend and its figure at a steady spend, and says why both stand: ' Large gaps: tv
 * 0.32 over the actual spend vs 0.43 on the curves (1.3×); … Both are right for their question: …',
 * '' when no gap is large. The maths is not changed, only said.
 * @param pairs per channel both figures
 * @param what what the figures are ('marginal ROI')
 * @param steadyName what the steady figure is called where it is shown ('on the response curves', 'in the planner')
 * @example basisGapText([{ channel: 'facebook', actual: 1.15, steady: 5.27 }], 'marginal ROI', 'in the planner') // ' Large gaps in marginal ROI: facebook 1.15 over the actual spend vs 5.27 in the planner (4.6×). …'
 */
export function basisGapText(pairs: readonly BasisPair[], what: string, steadyName: string): string {
  const large = pairs.filter((p) => gapRatio(p.actual, p.steady) >= GAP_RATIO);
  if (large.length === 0) return '';
  const items = large.map((p) => {
    const r = gapRatio(p.actual, p.steady);
    return `${p.channel} ${formatRoi(p.actual)} over the actual spend vs ${formatRoi(p.steady)} ${steadyName} (${Number.isFinite(r) ? `${r.toFixed(1)}×` : 'opposite signs'})`;
  });
  return ` Large gaps in ${what}: ${items.join('; ')}. Both figures are right for their own question: the first is what the last extra unit returned as spend actually ran, `
    + 'in bursts and lulls (on a flattening curve a burst earns less per unit), the second what it returns at a steady spend of the same mean per period, '
    + 'which is what a budget plan sets. Plan with the second; judge the past with the first.';
}
