/**
 * Sample quantile by linear interpolation between order statistics (Hyndman & Fan 1996, "Sample
 * quantiles in statistical packages", The American Statistician 50(4), definition 7; numpy's default):
 * with sorted x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ and h = (n − 1)·p, Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
 * @param sorted values in increasing order, length n ≥ 1, no NaN
 * @param p probability in [0, 1]
 * @returns the p-quantile, or NaN for an empty sample
 * @example sampleQuantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function sampleQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  if (lo + 1 >= n || frac === 0) return sorted[lo];
  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}
