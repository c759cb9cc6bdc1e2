/**
 * Top of a channel's spend slider: 3× its current spend, and far enough to reach 1.5× the highest
 * sustained spend the data hold and the spend shown now (typed, or set by the optimiser or the total
 * field), so the thumb never sits clamped below the real value. A channel with no current spend and
 * no history would get a slider that ends at 0; it reaches the largest channel's current spend instead.
 * @param current the channel's current spend per period
 * @param spend the spend now set
 * @param observedHigh the highest sustained spend in the data, when known
 * @param largestCurrent the largest current spend of any channel
 * @example sliderMax(100, 50, 120, 400) // 300
 * @example sliderMax(0, 0, undefined, 400) // 400
 */
export function sliderMax(current: number, spend: number, observedHigh: number | undefined, largestCurrent: number): number {
  const reach = Math.max(3 * current, 1.5 * (observedHigh ?? 0), spend);
  return reach > 0 ? reach : Math.max(largestCurrent, 1);
}
