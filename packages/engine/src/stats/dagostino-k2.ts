import { EngineError } from '../errors.ts';
import { centralMoments } from './central-moments.ts';

/** Result of {@link dagostinoK2}. */
export interface DagostinoK2Result {
  /** K² = Z_skew² + Z_kurt², ≈ χ²₂ under normality. */
  statistic: number;
  /** P(χ²₂ > K²) = e^(−K²/2). */
  pValue: number;
  /** Normalised skewness Z (D'Agostino 1970), ≈ N(0, 1) under normality. */
  skewnessZ: number;
  /** Normalised kurtosis Z (Anscombe & Glynn 1983), ≈ N(0, 1) under normality. */
  kurtosisZ: number;
}

/**
 * D'Agostino–Pearson omnibus K² test of normality (D'Agostino & Pearson 1973, "Tests for departure
 * from normality. Empirical results for the distributions of b₂ and √b₁", Biometrika 60(3)), the
 * test of scipy.stats.normaltest. K² = Z(√b₁)² + Z(b₂)², referred to χ² with 2 degrees of freedom, where
 * (formulas as summarised in D'Agostino, Belanger & D'Agostino 1990, The American Statistician 44(4)):
 *
 * - skewness (D'Agostino 1970, Biometrika 57): √b₁ = m₃/m₂^{3/2}, Y = √b₁·√((n+1)(n+3)/(6(n−2))),
 *   β₂ = 3(n²+27n−70)(n+1)(n+3)/((n−2)(n+5)(n+7)(n+9)), W² = √(2(β₂−1)) − 1, δ = 1/√(ln W),
 *   α = √(2/(W²−1)), Z = δ·asinh(Y/α);
 * - kurtosis (Anscombe & Glynn 1983, Biometrika 70): b₂ = m₄/m₂², E = 3(n−1)/(n+1),
 *   Var = 24n(n−2)(n−3)/((n+1)²(n+3)(n+5)), x = (b₂ − E)/√Var,
 *   √β₁ = 6(n²−5n+2)/((n+7)(n+9))·√(6(n+3)(n+5)/(n(n−2)(n−3))), A = 6 + (8/√β₁)(2/√β₁ + √(1 + 4/β₁)),
 *   Z = ((1 − 2/(9A)) − ∛((1 − 2/A)/(1 + x√(2/(A−4))))) / √(2/(9A)), with the real (signed) cube root.
 *
 * m_k are population central moments. Requires n ≥ 8 like scipy's skew test; the kurtosis
 * approximation is only recommended from n ≥ 20 (scipy warns below that; this function does not).
 * One deliberate difference from scipy: an exactly zero sample skewness gives Z_skew = 0 here, where
 * scipy substitutes Y = 1.
 * @param values sample, length n ≥ 8, not constant
 * @returns K², p-value and the two Z scores
 * @throws EngineError('INVALID_ARGUMENT') when n < 8 or the sample is constant
 * @example dagostinoK2([1, 2, 3, 4, 5, 6, 7, 30]).statistic // 19.5413299097957… (one gross outlier)
 */
export function dagostinoK2(values: ArrayLike<number>): DagostinoK2Result {
  const n = values.length;
  if (n < 8) throw new EngineError('INVALID_ARGUMENT', `dagostinoK2 needs at least 8 values, got ${n}`);
  const { m2, m3, m4 } = centralMoments(values);
  if (!(m2 > 0)) throw new EngineError('INVALID_ARGUMENT', 'dagostinoK2: the sample is constant');
  const skewnessZ = skewZ(m3 / Math.pow(m2, 1.5), n);
  const kurtosisZ = kurtZ(m4 / (m2 * m2), n);
  const statistic = skewnessZ * skewnessZ + kurtosisZ * kurtosisZ;
  return { statistic, pValue: Math.exp(-statistic / 2), skewnessZ, kurtosisZ };
}

function skewZ(b1: number, n: number): number {
  const y = b1 * Math.sqrt(((n + 1) * (n + 3)) / (6 * (n - 2)));
  const beta2 = (3 * (n * n + 27 * n - 70) * (n + 1) * (n + 3)) / ((n - 2) * (n + 5) * (n + 7) * (n + 9));
  const w2 = Math.sqrt(2 * (beta2 - 1)) - 1;
  const delta = 1 / Math.sqrt(0.5 * Math.log(w2));
  const alpha = Math.sqrt(2 / (w2 - 1));
  return delta * Math.asinh(y / alpha);
}

function kurtZ(b2: number, n: number): number {
  const e = (3 * (n - 1)) / (n + 1);
  const varB2 = (24 * n * (n - 2) * (n - 3)) / ((n + 1) * (n + 1) * (n + 3) * (n + 5));
  const x = (b2 - e) / Math.sqrt(varB2);
  const sqrtBeta1 = ((6 * (n * n - 5 * n + 2)) / ((n + 7) * (n + 9))) *
    Math.sqrt((6 * (n + 3) * (n + 5)) / (n * (n - 2) * (n - 3)));
  const a = 6 + (8 / sqrtBeta1) * (2 / sqrtBeta1 + Math.sqrt(1 + 4 / (sqrtBeta1 * sqrtBeta1)));
  const term1 = 1 - 2 / (9 * a);
  const denom = 1 + x * Math.sqrt(2 / (a - 4));
  const term2 = Math.cbrt((1 - 2 / a) / denom);
  return (term1 - term2) / Math.sqrt(2 / (9 * a));
}
