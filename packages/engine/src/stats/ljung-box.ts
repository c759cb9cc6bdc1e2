import { EngineError } from '../errors.ts';
import { chiSquareSurvival } from './chi-square-cdf.ts';
import { mean } from './mean.ts';

/** Result of {@link ljungBox}. */
export interface LjungBoxResult {
  /** Q = n(n+2)·Σ_{k=1}^{h} ρ̂ₖ² / nₖ, with nₖ = n − k without missing periods. */
  statistic: number;
  /** P(χ²_df > Q): small values reject "no autocorrelation up to lag h". */
  pValue: number;
  /** Degrees of freedom h − fittedParams. */
  df: number;
  /** Sample autocorrelations ρ̂₁ … ρ̂ₕ, length h. */
  autocorrelations: Float64Array;
  /** Effective sample size per lag: nₖ, the pairs of observed values k periods apart, length h. */
  pairs: Int32Array;
}

/**
 * Ljung–Box portmanteau test for autocorrelation up to lag h (Ljung & Box 1978, "On a measure of
 * lack of fit in time series models", Biometrika 65(2)): Q = n(n+2)·Σ_{k=1}^{h} ρ̂ₖ²/(n − k), with
 * ρ̂ₖ = Σ_{t=k+1}^{n}(eₜ − ē)(eₜ₋ₖ − ē) / Σₜ(eₜ − ē)², referred to χ² with h − fittedParams degrees
 * of freedom. The residuals are centred on their mean, as in statsmodels' `acorr_ljungbox`.
 *
 * Missing periods: a NaN marks a period without a value (its KPI missing). n is then the number of
 * observed values, ē their mean and the denominator Σ(eₜ − ē)² over them (the usual normalisation),
 * and the lag-k sum runs only over the nₖ pairs of observed values that are really k periods apart,
 * never pairing the values on either side of a gap — lagged products that span a missing value are
 * left out as in Parzen (1963, "On spectral analysis with missing observations and amplitude
 * modulation", Sankhyā A 25). Under independence ρ̂ₖ then has variance about nₖ/n² rather than
 * (n − k)/n², so each term is weighted by 1/nₖ in place of 1/(n − k), nₖ being the effective sample
 * size of lag k (`pairs`); a lag without any pair adds nothing. The degrees of freedom are unchanged.
 * Without missing periods nₖ = n − k and every figure is exactly the textbook one.
 * @param residuals residual series in time order, NaN where a period has none; n observed values
 * @param lags number of lags h, an integer with 1 ≤ h < n
 * @param fittedParams number of ARMA parameters estimated from the series (p + q), subtracted from
 *   the degrees of freedom; 0 for regression residuals
 * @returns Q, p-value, df, the autocorrelations and the pairs behind each
 * @throws EngineError('INVALID_ARGUMENT') when h is not an integer in [1, n), h − fittedParams < 1, or the
 *   observed values are constant
 * @example ljungBox([1, -1, 1, -1, 1, -1], 1).statistic // 6.666666666666667 (ρ̂₁ = −5/6, Q = 6·8·(25/36)/5)
 * @example ljungBox([1, -1, NaN, 1, -1], 1).autocorrelations[0] // -0.5 (two pairs: (−1 − 1)/4)
 */
export function ljungBox(residuals: ArrayLike<number>, lags: number, fittedParams = 0): LjungBoxResult {
  const len = residuals.length;
  const observed: number[] = [];
  for (let t = 0; t < len; t++) if (!Number.isNaN(residuals[t])) observed.push(residuals[t]);
  const n = observed.length;
  if (!Number.isInteger(lags) || lags < 1 || lags >= n) {
    throw new EngineError('INVALID_ARGUMENT', `ljungBox: lags must be an integer in [1, ${n - 1}], got ${lags}`);
  }
  const df = lags - fittedParams;
  if (!Number.isInteger(fittedParams) || fittedParams < 0 || df < 1) {
    throw new EngineError('INVALID_ARGUMENT', `ljungBox: need 0 ≤ fittedParams < lags (fittedParams = ${fittedParams})`);
  }
  const m = mean(observed);
  // Centred values at their own periods; NaN stays NaN and marks the pairs to skip.
  const e = new Float64Array(len);
  let den = 0;
  for (let t = 0; t < len; t++) {
    e[t] = residuals[t] - m;
    if (!Number.isNaN(e[t])) den += e[t] * e[t];
  }
  if (!(den > 0)) throw new EngineError('INVALID_ARGUMENT', 'ljungBox: the series is constant');
  const autocorrelations = new Float64Array(lags);
  const pairs = new Int32Array(lags);
  let q = 0;
  for (let k = 1; k <= lags; k++) {
    let s = 0;
    let nk = 0;
    for (let t = k; t < len; t++) {
      const p = e[t] * e[t - k];
      if (Number.isNaN(p)) continue;
      s += p;
      nk++;
    }
    const rho = s / den;
    autocorrelations[k - 1] = rho;
    pairs[k - 1] = nk;
    if (nk > 0) q += (rho * rho) / nk;
  }
  const statistic = n * (n + 2) * q;
  return { statistic, pValue: chiSquareSurvival(statistic, df), df, autocorrelations, pairs };
}
