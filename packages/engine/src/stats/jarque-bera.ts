import { EngineError } from '../errors.ts';
import { assertMinLength } from './assert-sample.ts';
import { centralMoments } from './central-moments.ts';

/** Result of {@link jarqueBera}. */
export interface JarqueBeraResult {
  /** JB = n/6·(S² + (K − 3)²/4). */
  statistic: number;
  /** P(χ²₂ > JB) = e^(−JB/2). */
  pValue: number;
  /** S = m₃ / m₂^{3/2} (population moments). */
  skewness: number;
  /** K − 3 = m₄ / m₂² − 3 (population moments). */
  excessKurtosis: number;
}

/**
 * Jarque–Bera test of normality (Jarque & Bera 1980, "Efficient tests for normality,
 * homoscedasticity and serial independence of regression residuals", Economics Letters 6(3)):
 * JB = n/6·(S² + (K − 3)²/4) with the population-moment skewness S and kurtosis K (as
 * scipy.stats.jarque_bera does), asymptotically χ² with 2 degrees of freedom, whose survival
 * function is exactly e^(−JB/2). The χ² approximation is poor for small n (it rejects too rarely).
 * @param values sample (e.g. residuals), length n ≥ 2, not constant
 * @returns JB, p-value, skewness and excess kurtosis
 * @throws EngineError('INVALID_ARGUMENT') when n < 2 or the sample is constant
 * @example jarqueBera([1, 2, 3, 4]).statistic // 0.3082666666666667 (S = 0, K − 3 = −1.36)
 */
export function jarqueBera(values: ArrayLike<number>): JarqueBeraResult {
  assertMinLength(values, 2, 'jarqueBera');
  const { n, m2, m3, m4 } = centralMoments(values);
  if (!(m2 > 0)) throw new EngineError('INVALID_ARGUMENT', 'jarqueBera: the sample is constant');
  const skewness = m3 / Math.pow(m2, 1.5);
  const excessKurtosis = m4 / (m2 * m2) - 3;
  const statistic = (n / 6) * (skewness * skewness + (excessKurtosis * excessKurtosis) / 4);
  return { statistic, pValue: Math.exp(-statistic / 2), skewness, excessKurtosis };
}
