import { EngineError } from '../../errors.ts';
import { quantile } from '../../stats/quantile.ts';
import { bootstrapInterval } from '../../stats/bootstrap-interval.ts';

/** The central draw of a posterior sample and where it sits (see centralDraw). */
export interface CentralDraw {
  /** Row index of the chosen draw. */
  readonly index: number;
  /** Per column: the posterior median (NaN for a column without finite values). */
  readonly median: Float64Array;
  /** Per column: the central 90% interval [5%, 95%] (the quantiles summary.json reports). */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Whether the chosen draw lies inside every column's 90% interval. */
  readonly insideAll: boolean;
}

/**
 * The posterior draw that is central in every column at once (here: every channel's ROI), so a point
 * model built from it reports, for each channel, a value typical of that channel's own posterior.
 *
 * Each column is standardised by its own quantiles, side by side: z = (x − median) / (q95 − median)
 * above the median and (median − x) / (median − q05) below it, so |z| ≤ 1 exactly when x lies in the
 * column's 90% interval, whatever its scale or skew (the distance is unchanged by a monotone
 * transform such as log). Every column counts equally: a weight by spend share, as used before, let a
 * channel with 0.5% of the spend take an extreme draw, even one outside its own interval. The chosen
 * draw minimises Σ_c z_c² among the draws inside every interval; only when none is (many columns,
 * few draws) does it fall back to the draw with the smallest max_c |z_c|, and `insideAll` is false.
 * @param values row-major [nSamples × nDims]; non-finite entries count as infinitely far
 * @param nSamples number of rows (≥ 1)
 * @param nDims number of columns
 * @throws EngineError INVALID_ARGUMENT when nSamples < 1 or the shapes disagree
 * @example centralDraw([1, 10, 3, 30, 2, 20], 3, 2).index // 2: the median of both columns
 */
export function centralDraw(values: ArrayLike<number>, nSamples: number, nDims: number): CentralDraw {
  if (!(Number.isInteger(nSamples) && nSamples >= 1)) throw new EngineError('INVALID_ARGUMENT', `nSamples must be a positive integer, got ${nSamples}`);
  if (values.length !== nSamples * nDims) throw new EngineError('INVALID_ARGUMENT', `values has length ${values.length}, expected ${nSamples}·${nDims}`);
  const median = new Float64Array(nDims).fill(NaN), lower = new Float64Array(nDims).fill(NaN), upper = new Float64Array(nDims).fill(NaN);
  for (let c = 0; c < nDims; c++) {
    const col: number[] = [];
    for (let i = 0; i < nSamples; i++) { const v = values[i * nDims + c]; if (Number.isFinite(v)) col.push(v); }
    if (col.length === 0) continue; // a channel without spend in the window: no ROI to centre
    median[c] = quantile(col, 0.5);
    [lower[c], upper[c]] = bootstrapInterval(col, 0.9);
  }
  const z = (v: number, c: number): number => {
    if (!Number.isFinite(v)) return Infinity;
    const side = v >= median[c] ? upper[c] - median[c] : median[c] - lower[c];
    if (side > 0) return Math.abs(v - median[c]) / side;
    return v === median[c] ? 0 : Infinity; // a zero-width side: only the median itself is inside
  };
  let best = -1, bestSum = Infinity;
  let fallback = 0, fallbackMax = Infinity;
  for (let i = 0; i < nSamples; i++) {
    let sum = 0, max = 0;
    for (let c = 0; c < nDims; c++) {
      if (Number.isNaN(median[c])) continue;
      const d = z(values[i * nDims + c], c);
      sum += d * d; max = Math.max(max, d);
    }
    if (max <= 1 && sum < bestSum) { bestSum = sum; best = i; }
    if (max < fallbackMax) { fallbackMax = max; fallback = i; }
  }
  return { index: best >= 0 ? best : fallback, median, lower, upper, insideAll: best >= 0 };
}
