import { assertMinLength } from './assert-sample.ts';

/**
 * Sample median: the middle order statistic, or the mean of the two middle ones for an even count
 * ((x₍ₘ₋₁₎ + x₍ₘ₎)/2, m = n/2). Equal to quantile(values, 0.5) up to round-off in the last digit.
 * @param values sample, length ≥ 1 (any order; not modified)
 * @returns the median, in the units of the values
 * @throws EngineError('INVALID_ARGUMENT') when empty
 * @example median([3, 1, 4, 1]) // 2
 */
export function median(values: readonly number[]): number {
  assertMinLength(values, 1, 'median');
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}
