import { assertMinLength, assertPaired } from './assert-sample.ts';
import { mean } from './mean.ts';

/**
 * Pearson product-moment correlation r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²)
 * (Pearson 1895), two-pass. The result is clamped to [−1, 1] against rounding.
 * @param x first sample, length n ≥ 2
 * @param y second sample, same length
 * @returns r in [−1, 1]; NaN when either sample is constant (zero variance)
 * @throws EngineError('SHAPE_MISMATCH') when lengths differ; EngineError('INVALID_ARGUMENT') when n < 2
 * @example correlation([1, 2, 3, 4], [2, 4, 6, 9]) // 0.994376712684369
 */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  assertPaired(x, y, 'correlation');
  assertMinLength(x, 2, 'correlation');
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}
