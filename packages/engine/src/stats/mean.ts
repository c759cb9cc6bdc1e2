import { assertMinLength } from './assert-sample.ts';
import { sum } from './sum.ts';

/**
 * Arithmetic mean Σx / n, using the compensated {@link sum}.
 * @param values sample, length n ≥ 1
 * @returns the mean (NaN if any value is NaN)
 * @throws EngineError('INVALID_ARGUMENT') when `values` is empty
 * @example mean([1, 2, 3, 4]) // 2.5
 */
export function mean(values: ArrayLike<number>): number {
  assertMinLength(values, 1, 'mean');
  return sum(values) / values.length;
}
