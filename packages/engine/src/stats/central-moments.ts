import { assertMinLength } from './assert-sample.ts';
import { mean } from './mean.ts';

/** Population (divide-by-n) central moments of a sample. */
export interface CentralMoments {
  /** Sample size n. */
  n: number;
  /** Arithmetic mean x̄. */
  mean: number;
  /** m₂ = Σ(x − x̄)² / n. */
  m2: number;
  /** m₃ = Σ(x − x̄)³ / n. */
  m3: number;
  /** m₄ = Σ(x − x̄)⁴ / n. */
  m4: number;
}

/**
 * Population central moments m_k = (1/n)·Σ(x − x̄)^k for k = 2, 3, 4, by two passes (mean first).
 * These are the biased moments behind scipy.stats.skew / kurtosis with `bias=True`.
 * @param values sample, length n ≥ 1
 * @returns n, x̄, m₂, m₃, m₄
 * @throws EngineError('INVALID_ARGUMENT') when empty
 * @example centralMoments([1, 2, 3, 4]) // { n: 4, mean: 2.5, m2: 1.25, m3: 0, m4: 2.5625 }
 */
export function centralMoments(values: ArrayLike<number>): CentralMoments {
  assertMinLength(values, 1, 'centralMoments');
  const n = values.length;
  const m = mean(values);
  let s2 = 0, s3 = 0, s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  return { n, mean: m, m2: s2 / n, m3: s3 / n, m4: s4 / n };
}
