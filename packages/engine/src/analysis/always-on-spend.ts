import { quantile } from '../stats/quantile.ts';

/** The share of fitted periods allowed below the floor: the floor is this quantile of per-period spend. */
export const ALWAYS_ON_QUANTILE = 0.1;
/** A channel whose ALWAYS_ON_QUANTILE spend is at least this share of its mean spend counts as always on. */
export const ALWAYS_ON_FLOOR_SHARE = 0.5;

/** An always-on channel's spend floor over the fitted periods (currency units per period). */
export interface AlwaysOnSpend {
  /** The ALWAYS_ON_QUANTILE quantile of per-period spend: 90% of the periods spent at least this. */
  readonly floor: number;
  /** Mean spend per period over the same rows. */
  readonly mean: number;
}

/**
 * Whether a channel's spend never goes low: in at least 90% of rows [start, end) it spent at least
 * ALWAYS_ON_FLOOR_SHARE of its mean (the 10% quantile, type 7, against the mean). The data then show
 * its response only around its usual level; the part from zero up to the floor is the curve's assumed
 * shape, and the channel's level trades off with the intercept and trend, so its ROI against no
 * spend can be under- or overstated whatever curve is fitted (docs/model.md §12). A rule on the spend
 * alone, unlike extrapolatedShare, which reads the fitted curve and so cannot see a curve that puts
 * too little below the floor. On the reference data it flags PyMC-Marketing's credibility data (social
 * 58%, search 79%: 42% of the true media effect was absorbed by the baseline) and the roas data's x1
 * (65%), three of Meridian's five national channels (51–62%), and none of the retail demo's, Robyn's
 * or mmm_stan's (at most 48%).
 * @param spend per-period spend [nTimes]
 * @param start first row (inclusive); end last row (exclusive)
 * @returns the floor and mean, or null when the channel is not always on (or never spent)
 * @example alwaysOnSpend([900, 1100, 1000, 950], 0, 4) // { floor: 915, mean: 987.5 }
 */
export function alwaysOnSpend(spend: ArrayLike<number>, start: number, end: number): AlwaysOnSpend | null {
  if (!(end > start)) return null;
  const rows = Float64Array.from({ length: end - start }, (_, i) => spend[start + i]);
  const mean = rows.reduce((a, b) => a + b, 0) / rows.length;
  if (!(mean > 0)) return null;
  const floor = quantile(rows, ALWAYS_ON_QUANTILE);
  return floor >= ALWAYS_ON_FLOOR_SHARE * mean ? { floor, mean } : null;
}
