import { EngineError } from '../../errors.ts';

/** Where changepoints may fall, as fractions of the series (0 = first period, 1 = last). */
export interface ChangepointOptions {
  /** Start of the changepoint range, default 0. */
  readonly start?: number;
  /** End of the changepoint range, default 0.8 (like Prophet's changepoint_range). */
  readonly end?: number;
}

/**
 * Knot positions (in periods, not necessarily integers) of a piecewise-linear trend. Placement rule:
 * nChangepoints knots evenly spaced strictly inside [start, end]·(nTimes − 1), i.e.
 * c_k = (nTimes − 1)·(start + (end − start)·k/(nChangepoints + 1)), k = 1..nChangepoints.
 * The default range is the first 80% of the series, as in Prophet (Taylor & Letham 2018,
 * "Forecasting at Scale", §3.1.4), so the last stretch keeps the latest slope and a changepoint
 * is not fitted to a handful of final points.
 * @param nTimes number of periods (integer ≥ 2 when nChangepoints > 0)
 * @param nChangepoints number of knots (integer ≥ 0)
 * @param options start and end fractions, 0 ≤ start < end ≤ 1
 * @returns knot positions, shape [nChangepoints], increasing
 * @throws EngineError('INVALID_ARGUMENT') for bad counts or range
 * @example changepointKnots(11, 1, {}) // [4] (midpoint of 0..8)
 */
export function changepointKnots(nTimes: number, nChangepoints: number, options: ChangepointOptions = {}): Float64Array {
  const start = options.start ?? 0;
  const end = options.end ?? 0.8;
  if (!Number.isInteger(nChangepoints) || nChangepoints < 0) {
    throw new EngineError('INVALID_ARGUMENT', `nChangepoints must be an integer ≥ 0, got ${String(nChangepoints)}`);
  }
  if (!Number.isInteger(nTimes) || nTimes < (nChangepoints > 0 ? 2 : 0)) {
    throw new EngineError('INVALID_ARGUMENT', `nTimes must be an integer ≥ ${nChangepoints > 0 ? 2 : 0}, got ${String(nTimes)}`);
  }
  if (!(start >= 0 && end <= 1 && start < end)) {
    throw new EngineError('INVALID_ARGUMENT', `changepoint range needs 0 ≤ start < end ≤ 1, got start ${String(start)}, end ${String(end)}`);
  }
  const knots = new Float64Array(nChangepoints);
  for (let k = 1; k <= nChangepoints; k++) {
    knots[k - 1] = (nTimes - 1) * (start + ((end - start) * k) / (nChangepoints + 1));
  }
  return knots;
}

/**
 * Hinge basis of a piecewise-linear trend: column k is max(0, t − c_k)/(nTimes − 1), t = 0..nTimes−1,
 * with the knots c_k of `changepointKnots` (see its placement rule). Together with `linearTrend`
 * the coefficient of column k is the change of slope at knot k (in KPI per whole series length).
 * @param nTimes number of periods (integer ≥ 2 when nChangepoints > 0)
 * @param nChangepoints number of knots (integer ≥ 0)
 * @param options start and end fractions of the knot range (default 0 and 0.8)
 * @returns nChangepoints columns, each shape [nTimes]
 * @throws EngineError('INVALID_ARGUMENT') for bad counts or range
 * @example changepointBasis(11, 1, {})[0] // [0, 0, 0, 0, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
 */
export function changepointBasis(nTimes: number, nChangepoints: number, options: ChangepointOptions = {}): Float64Array[] {
  const knots = changepointKnots(nTimes, nChangepoints, options);
  const inv = nTimes > 1 ? 1 / (nTimes - 1) : 0;
  const cols: Float64Array[] = [];
  for (let k = 0; k < nChangepoints; k++) {
    const c = knots[k];
    const col = new Float64Array(nTimes);
    for (let t = 0; t < nTimes; t++) col[t] = t > c ? (t - c) * inv : 0;
    cols.push(col);
  }
  return cols;
}
