import { EngineError } from '../errors.ts';
import { quantile } from './quantile.ts';

/**
 * Percentile bootstrap interval (Efron & Tibshirani 1993, *An Introduction to the Bootstrap*,
 * §13.3): the (1 − level)/2 and (1 + level)/2 sample quantiles of the bootstrap replicates, using
 * {@link quantile}'s type-7 interpolation. The resampling itself is the caller's job; this only
 * summarises the replicate values it produced. The tail probabilities are rounded to 12 significant
 * digits, so the default level gives exactly quantile(·, 0.05) and quantile(·, 0.95) ((1 − 0.9)/2 in
 * floating point is 0.04999999999999999).
 * @param values bootstrap replicates of a statistic, length ≥ 1, no NaN (any order)
 * @param level coverage in (0, 1), default 0.9 (a 5 %–95 % interval)
 * @returns [lo, hi], in the units of the statistic
 * @throws EngineError('INVALID_ARGUMENT') when level ∉ (0, 1) or values is empty;
 *   EngineError('NON_FINITE') when a value is NaN
 * @example bootstrapInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.5) // [3.5, 8.5]
 */
export function bootstrapInterval(values: ArrayLike<number>, level = 0.9): [number, number] {
  if (!(level > 0 && level < 1)) {
    throw new EngineError('INVALID_ARGUMENT', `bootstrapInterval: level must be in (0, 1), got ${level}`);
  }
  const lo = Number(((1 - level) / 2).toPrecision(12)), hi = Number((1 - lo).toPrecision(12));
  const sorted = Float64Array.from(values).sort();
  return [quantile(sorted, lo), quantile(sorted, hi)];
}
