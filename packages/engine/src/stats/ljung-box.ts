import { EngineError } from '../errors.ts';
import { chiSquareSurvival } from './chi-square-cdf.ts';
import { mean } from './mean.ts';

/** Result of {@link ljungBox}. */
export interface LjungBoxResult {
  /** Q = n(n+2)·Σ_{k=1}^{h} ρ̂ₖ² / (n − k). */
  statistic: number;
  /** P(χ²_df > Q): small values reject "no autocorrelation up to lag h". */
  pValue: number;
  /** Degrees of freedom h − fittedParams. */
  df: number;
  /** Sample autocorrelations ρ̂₁ … ρ̂ₕ, length h. */
  autocorrelations: Float64Array;
}

/**
 * Ljung–Box portmanteau test for autocorrelation up to lag h (Ljung & Box 1978, "On a measure of
 * lack of fit in time series models", Biometrika 65(2)): Q = n(n+2)·Σ_{k=1}^{h} ρ̂ₖ²/(n − k), with
 * ρ̂ₖ = Σ_{t=k+1}^{n}(eₜ − ē)(eₜ₋ₖ − ē) / Σₜ(eₜ − ē)², referred to χ² with h − fittedParams degrees
 * of freedom. The residuals are centred on their mean, as in statsmodels' `acorr_ljungbox`.
 * @param residuals residual series in time order, length n
 * @param lags number of lags h, an integer with 1 ≤ h < n
 * @param fittedParams number of ARMA parameters estimated from the series (p + q), subtracted from
 *   the degrees of freedom; 0 for regression residuals
 * @returns Q, p-value, df and the autocorrelations
 * @throws EngineError('INVALID_ARGUMENT') when h is not an integer in [1, n), h − fittedParams < 1, or the
 *   series is constant
 * @example ljungBox([1, -1, 1, -1, 1, -1], 1).statistic // 6.666666666666667 (ρ̂₁ = −5/6, Q = 6·8·(25/36)/5)
 */
export function ljungBox(residuals: ArrayLike<number>, lags: number, fittedParams = 0): LjungBoxResult {
  const n = residuals.length;
  if (!Number.isInteger(lags) || lags < 1 || lags >= n) {
    throw new EngineError('INVALID_ARGUMENT', `ljungBox: lags must be an integer in [1, ${n - 1}], got ${lags}`);
  }
  const df = lags - fittedParams;
  if (!Number.isInteger(fittedParams) || fittedParams < 0 || df < 1) {
    throw new EngineError('INVALID_ARGUMENT', `ljungBox: need 0 ≤ fittedParams < lags (fittedParams = ${fittedParams})`);
  }
  const m = mean(residuals);
  const e = new Float64Array(n);
  let den = 0;
  for (let t = 0; t < n; t++) { e[t] = residuals[t] - m; den += e[t] * e[t]; }
  if (!(den > 0)) throw new EngineError('INVALID_ARGUMENT', 'ljungBox: the series is constant');
  const autocorrelations = new Float64Array(lags);
  let q = 0;
  for (let k = 1; k <= lags; k++) {
    let s = 0;
    for (let t = k; t < n; t++) s += e[t] * e[t - k];
    const rho = s / den;
    autocorrelations[k - 1] = rho;
    q += (rho * rho) / (n - k);
  }
  const statistic = n * (n + 2) * q;
  return { statistic, pValue: chiSquareSurvival(statistic, df), df, autocorrelations };
}
