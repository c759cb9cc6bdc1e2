import { EngineError } from '../../errors.ts';

/**
 * Linear trend regressor scaled to [0, 1]: t / (nTimes − 1), t = 0..nTimes−1 ([0] when nTimes = 1).
 * Its coefficient is the change of the KPI from the first to the last period.
 * @param nTimes number of periods (integer ≥ 0)
 * @returns shape [nTimes]
 * @throws EngineError('INVALID_ARGUMENT') when nTimes is not an integer ≥ 0
 * @example linearTrend(5) // [0, 0.25, 0.5, 0.75, 1]
 */
export function linearTrend(nTimes: number): Float64Array {
  if (!Number.isInteger(nTimes) || nTimes < 0) {
    throw new EngineError('INVALID_ARGUMENT', `nTimes must be an integer ≥ 0, got ${String(nTimes)}`);
  }
  const out = new Float64Array(nTimes);
  const step = nTimes > 1 ? 1 / (nTimes - 1) : 0;
  for (let t = 0; t < nTimes; t++) out[t] = t * step;
  return out;
}
