import type { MmmModel } from '@mixwise/engine';

/**
 * Row indices of the model's modeling window and the dates there.
 * @example windowRows(model) // { start: 0, end: 156, dates: [...156 ISO dates], fitEnd: 156 }
 */
export function windowRows(model: MmmModel): { start: number; end: number; fitEnd: number; dates: string[] } {
  const { start, end } = model.window;
  return { start, end, fitEnd: end - model.holdout, dates: model.dates.slice(start, end) };
}

/**
 * Mean of values[start, end).
 * @example meanRange([1, 2, 3, 4], 1, 3) // 2.5
 */
export function meanRange(values: ArrayLike<number>, start: number, end: number): number {
  let s = 0;
  for (let t = start; t < end; t++) s += values[t];
  return end > start ? s / (end - start) : NaN;
}
