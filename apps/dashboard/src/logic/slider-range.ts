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

/** The spend sliders' tops, with the spend they were set for and the Reset they date from. */
export interface SliderRanges {
  readonly spend: readonly number[];
  readonly max: readonly number[];
  /** How many times Reset had been pressed. */
  readonly resets: number;
}

/** The slider whose own thumb set a channel's spend, and to what. */
export interface ThumbMove {
  readonly index: number;
  readonly value: number;
}

/**
 * The sliders' tops for the spend now shown. A channel whose spend did not change keeps its top; one
 * moved by its own thumb keeps it too (it may only grow), so that the range does not shrink under the
 * pointer during a drag; one set any other way (typed, Optimise, the total field) gets sliderMax of
 * the new spend, which shrinks the range again after a large amount is typed back down. After Reset
 * (a new `resets`) every top is sliderMax of the reset spend.
 * @param prev the tops of the previous render (null at first)
 * @param spend [nChannels] the spend now shown
 * @param current [nChannels] current spend per channel
 * @param observedHigh [nChannels] highest sustained spend in the data, when known
 * @param thumb the last move of a slider's own thumb, if any
 * @param resets how many times Reset has been pressed
 * @example nextSliderRanges({ spend: [5e7], max: [5e7], resets: 0 }, [160000], [160000], [undefined], null, 1).max // [480000]
 */
export function nextSliderRanges(prev: SliderRanges | null, spend: readonly number[], current: readonly number[], observedHigh: readonly (number | undefined)[],
  thumb: ThumbMove | null, resets: number): SliderRanges {
  const largest = Math.max(0, ...current);
  const max = spend.map((s, i) => {
    const fresh = sliderMax(current[i], s, observedHigh[i], largest);
    if (prev === null || prev.resets !== resets || prev.max[i] === undefined) return fresh;
    const kept = s === prev.spend[i] || (thumb !== null && thumb.index === i && thumb.value === s);
    return kept ? Math.max(prev.max[i], fresh) : fresh;
  });
  return { spend: [...spend], max, resets };
}
