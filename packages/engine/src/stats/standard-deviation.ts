import { variance } from './variance.ts';

/**
 * Sample standard deviation √s², with the n − 1 denominator of {@link variance}
 * (like R's `sd` and numpy's `std(ddof=1)`).
 * @param values sample, length n ≥ 2
 * @returns s, in the units of the values
 * @throws EngineError('INVALID_ARGUMENT') when n < 2
 * @example standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138089935299395
 */
export function standardDeviation(values: ArrayLike<number>): number {
  return Math.sqrt(variance(values));
}
