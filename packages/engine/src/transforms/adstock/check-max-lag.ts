import { EngineError } from '../../errors.ts';

/** Largest maxLag accepted: far beyond any sensible carryover (≈ 27 years of daily data). */
export const MAX_LAG_LIMIT = 10_000;

/**
 * Check an adstock's longest lag.
 * @param maxLag longest lag kept, in periods; an integer in [0, MAX_LAG_LIMIT]
 * @throws EngineError('INVALID_ARGUMENT') otherwise
 * @example checkMaxLag(104); // ok
 * checkMaxLag(2.5); // throws "adstock: maxLag must be an integer in [0, 10000], got 2.5"
 */
export function checkMaxLag(maxLag: number): void {
  if (Number.isInteger(maxLag) && maxLag >= 0 && maxLag <= MAX_LAG_LIMIT) return;
  throw new EngineError('INVALID_ARGUMENT', `adstock: maxLag must be an integer in [0, ${MAX_LAG_LIMIT}], got ${String(maxLag)}`);
}

/**
 * Check a caller-supplied output buffer for maxLag + 1 weights.
 * @throws EngineError('SHAPE_MISMATCH') when `out` is shorter than maxLag + 1
 * @example checkWeightsOut(new Float64Array(3), 2); // ok
 */
export function checkWeightsOut(out: Float64Array, maxLag: number): void {
  if (out.length >= maxLag + 1) return;
  throw new EngineError('SHAPE_MISMATCH', `adstock: weights buffer has length ${out.length}, need at least maxLag + 1 = ${maxLag + 1}`);
}
