import { EngineError } from '../errors.ts';
import { assertMinLength } from './assert-sample.ts';
import { normalCdf } from './normal-cdf.ts';

/** Result of {@link durbinWatson}. */
export interface DurbinWatsonResult {
  /**
   * d = Σₜ(eₜ − eₜ₋₁)² / Σₜ eₜ², the numerator over successive observed periods only; in [0, 4];
   * ≈ 2 without first-order autocorrelation and without missing periods (see `centre`).
   */
  statistic: number;
  /**
   * Two-sided large-sample p-value from d ≈ N(centre, σ²) under no autocorrelation, with σ² = 4/n
   * without missing periods. Approximate: it ignores the regressors, on which the exact null
   * distribution of d depends.
   */
  pValue: number;
  /** Implied lag-1 autocorrelation ρ̂ ≈ 1 − d/centre (E d ≈ centre·(1 − ρ)), which is 1 − d/2 without missing periods. */
  autocorrelation: number;
  /** Number of observed residuals n. */
  n: number;
  /** Number of successive pairs (eₜ₋₁, eₜ) with both observed: n − 1 without missing periods. */
  pairs: number;
  /** Null centre of d: 2 without missing periods, 2·pairs/n with them. */
  centre: number;
}

/**
 * Durbin–Watson statistic for first-order autocorrelation of regression residuals
 * (Durbin & Watson 1950, "Testing for serial correlation in least squares regression I",
 * Biometrika 37): d = Σ_{t=2}^{n} (eₜ − eₜ₋₁)² / Σ_{t=1}^{n} eₜ².
 *
 * The exact null distribution of d depends on the design matrix (hence the published bounds
 * tables), so the p-value here is only the asymptotic approximation √n·(d − 2)/2 ≈ N(0, 1)
 * (d ≈ 2(1 − ρ̂₁) and √n·ρ̂₁ → N(0, 1) under independence; Box & Pierce 1970): good for a rough flag
 * on long series, not a substitute for the bounds test on short ones.
 *
 * Missing periods: a NaN residual marks a period without one (its KPI missing). The differences
 * then run only over pairs of observed periods that are really one period apart, never across a gap,
 * while the denominator stays Σ eₜ² over all observed residuals — the usual normalisation; lagged
 * products that span a missing value are likewise left out of the autocovariances of a series with
 * missing observations in Parzen (1963, "On spectral analysis with missing observations and
 * amplitude modulation", Sankhyā A 25). Each gap takes a pair, and its two squares, out of the
 * numerator, so under independence d no longer centres on 2: with gaps the p-value uses the null mean
 * and variance of d for independent normal residuals (ignoring the regressors, like the textbook
 * approximation): d is then independent of Σe², so with P = pairs and T = the number of successive
 * observed triples, E d = 2P/n and E d² = (8P + 4T + 4P²)/(n(n + 2)). Without missing periods every
 * figure is exactly what it was (centre 2, variance 4/n).
 * @param residuals regression residuals in time order, NaN where a period has none; at least 2 observed
 * @returns statistic, approximate two-sided p-value, ρ̂, n, pairs and the null centre
 * @throws EngineError('INVALID_ARGUMENT') when fewer than 2 residuals are observed, no two observed
 *   ones are successive, or all are 0
 * @example durbinWatson([1, -1, 1, -1]).statistic // 3 (= 12 / 4: strong negative autocorrelation)
 * @example durbinWatson([1, -1, NaN, 1, -1]).statistic // 2 (= 8 / 4: no difference across the gap)
 */
export function durbinWatson(residuals: ArrayLike<number>): DurbinWatsonResult {
  assertMinLength(residuals, 2, 'durbinWatson');
  const len = residuals.length;
  let num = 0;
  let den = 0;
  let n = 0;
  let pairs = 0;
  let triples = 0;
  for (let t = 0; t < len; t++) {
    const e = residuals[t];
    if (Number.isNaN(e)) continue;
    n++;
    den += e * e;
    if (t > 0 && !Number.isNaN(residuals[t - 1])) {
      const d = e - residuals[t - 1];
      num += d * d;
      pairs++;
      if (t > 1 && !Number.isNaN(residuals[t - 2])) triples++;
    }
  }
  if (n < 2) throw new EngineError('INVALID_ARGUMENT', `durbinWatson needs at least 2 observed values, got ${n}`);
  if (pairs === 0) throw new EngineError('INVALID_ARGUMENT', 'durbinWatson: no two observed residuals are successive');
  if (!(den > 0)) throw new EngineError('INVALID_ARGUMENT', 'durbinWatson: residuals are all zero');
  const statistic = num / den;
  if (pairs === n - 1) {
    const z = (Math.sqrt(n) * (statistic - 2)) / 2;
    return { statistic, pValue: 2 * normalCdf(-Math.abs(z)), autocorrelation: 1 - statistic / 2, n, pairs, centre: 2 };
  }
  const centre = (2 * pairs) / n;
  const variance = (8 * pairs + 4 * triples + 4 * pairs * pairs) / (n * (n + 2)) - centre * centre;
  const z = (statistic - centre) / Math.sqrt(variance);
  return { statistic, pValue: 2 * normalCdf(-Math.abs(z)), autocorrelation: 1 - statistic / centre, n, pairs, centre };
}
