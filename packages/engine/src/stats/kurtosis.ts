import { centralMoments } from './central-moments.ts';

/**
 * Sample excess kurtosis g₂ = m₄ / m₂² − 3 from population central moments (Joanes & Gill 1998,
 * "Comparing measures of sample skewness and kurtosis", JRSS D 47(1), g₂; equal to
 * scipy.stats.kurtosis with its defaults `fisher=True, bias=True`). A normal sample gives ≈ 0.
 * @param values sample, length n ≥ 1
 * @returns g₂ (unitless); NaN when the sample is constant
 * @throws EngineError('INVALID_ARGUMENT') when empty
 * @example kurtosis([1, 2, 3, 4]) // -1.36
 */
export function kurtosis(values: ArrayLike<number>): number {
  const { m2, m4 } = centralMoments(values);
  if (m2 === 0) return NaN;
  return m4 / (m2 * m2) - 3;
}
