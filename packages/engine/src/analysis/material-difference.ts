/**
 * Two figures differ materially when one is at least this multiple of the other (1.5: 12.18 against
 * 5.33 is news, 4.9 against 4.5 is not). Shared by the optimizer's expected-versus-point note and the
 * fit's mROI note (mroiGaps).
 */
export const MATERIAL_RATIO = 1.5;

/**
 * …and they are at least this share of a reference figure apart (the channel's ROI for mroiGaps, the
 * largest point ROI for expectedPointGapText): relative, so a count KPI's 0.0126 against 0.0592 orders
 * per unit of spend is news, while two figures next to nothing beside an ROI of 10 are not.
 */
export const MATERIAL_FLOOR = 0.05;

/**
 * True when a and b differ materially: a ratio of MATERIAL_RATIO or more either way, and at least
 * `floor` apart (so two figures that are both next to nothing are not news), or of opposite signs.
 * @param a one figure
 * @param b the other, in the same units
 * @param floor the smallest gap that counts, in the figures' own units (e.g. MATERIAL_FLOOR × the channel's ROI)
 * @returns false when either is not finite or they are equal
 * @example materiallyDifferent(12.18, 5.33) // true ; materiallyDifferent(4.9, 4.5) // false
 */
export function materiallyDifferent(a: number, b: number, floor = 0): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const lo = Math.min(a, b), hi = Math.max(a, b);
  if (hi - lo < floor || hi - lo === 0) return false;
  return lo <= 0 || hi / lo >= MATERIAL_RATIO;
}
