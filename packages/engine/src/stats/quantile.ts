import { EngineError } from '../errors.ts';
import { assertMinLength } from './assert-sample.ts';

/**
 * Sample quantile by linear interpolation between order statistics: Hyndman & Fan (1996, "Sample
 * quantiles in statistical packages", The American Statistician 50(4)) definition 7, the default of
 * R's `quantile` and numpy's `quantile` (method 'linear'). With x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ and h = (n − 1)·p:
 * Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
 *
 * The values may be sorted or not: a sorted input is detected in one pass and used as is; otherwise
 * a sorted copy is made (the input is never modified).
 * @param values sample, length n ≥ 1, no NaN
 * @param p probability in [0, 1]
 * @returns the p-quantile, in the units of the values
 * @throws EngineError('INVALID_ARGUMENT') when empty or p ∉ [0, 1]; EngineError('NON_FINITE') when a value is NaN
 * @example quantile([3, 1, 4, 1, 5], 0.25) // 1 ; quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  assertMinLength(values, 1, 'quantile');
  if (!(p >= 0 && p <= 1)) throw new EngineError('INVALID_ARGUMENT', `quantile: p must be in [0, 1], got ${p}`);
  const n = values.length;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v)) throw new EngineError('NON_FINITE', `quantile: value ${i} is NaN`);
    if (i > 0 && v < values[i - 1]) sorted = false;
  }
  const x: ArrayLike<number> = sorted ? values : Float64Array.from(values).sort();
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  if (lo + 1 >= n || frac === 0) return x[lo];
  return x[lo] + frac * (x[lo + 1] - x[lo]);
}
