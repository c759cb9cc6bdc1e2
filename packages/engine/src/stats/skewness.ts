import { centralMoments } from './central-moments.ts';

/**
 * Sample skewness g₁ = m₃ / m₂^{3/2} from population central moments (the moment coefficient of
 * skewness, Joanes & Gill 1998, "Comparing measures of sample skewness and kurtosis", JRSS D 47(1),
 * g₁; equal to scipy.stats.skew with its default `bias=True`).
 * @param values sample, length n ≥ 1
 * @returns g₁ (unitless); NaN when the sample is constant
 * @throws EngineError('INVALID_ARGUMENT') when empty
 * @example skewness([1, 2, 3, 10]) // 1.0182337649086284
 */
export function skewness(values: ArrayLike<number>): number {
  const { m2, m3 } = centralMoments(values);
  if (m2 === 0) return NaN;
  return m3 / Math.pow(m2, 1.5);
}
