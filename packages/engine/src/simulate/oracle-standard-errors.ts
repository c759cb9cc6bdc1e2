import { gram } from '../linalg/gram.ts';
import { inverseSpd } from '../linalg/inverse-spd.ts';

/**
 * Standard errors of the scale factors of known components: regress y on the true component series
 * z_j (every coefficient is 1 in truth) by OLS with noise sd σ; Var(b̂) = σ²(ZᵀZ)⁻¹ (Gauss–Markov;
 * e.g. Greene, Econometric Analysis, 8th ed., §4.3). For a channel this is the relative standard error
 * of its ROI that an "oracle" knowing every true shape (adstock, saturation, seasonality…) but none of
 * the effect sizes would get: a floor on what any model can achieve on that data set.
 * Columns are scaled to unit RMS before inverting, which does not change the result.
 * @param components component series, each shape [nTimes]; all-zero columns get SE NaN and are skipped
 * @param sigma noise sd, target units
 * @returns relative standard error of each component's coefficient, shape [nComponents] (NaN when undefined)
 * Exactly collinear components (no finite standard errors) give NaN for every entry.
 * @example oracleStandardErrors([Float64Array.of(1, 1, 1, 1), Float64Array.of(0, 1, 0, 1)], 1)
 * // [0.7071, 1] (= √diag((ZᵀZ)⁻¹) with ZᵀZ = [[4, 2], [2, 2]])
 */
export function oracleStandardErrors(components: readonly Float64Array[], sigma: number): number[] {
  const n = components[0]?.length ?? 0;
  const keep: number[] = [];
  const norms: number[] = [];
  components.forEach((c, j) => {
    let ss = 0;
    for (let t = 0; t < n; t++) ss += c[t] * c[t];
    if (ss > 0) { keep.push(j); norms.push(Math.sqrt(ss / n)); }
  });
  const p = keep.length;
  const z = new Float64Array(n * p);
  for (let k = 0; k < p; k++) {
    const c = components[keep[k]];
    for (let t = 0; t < n; t++) z[t * p + k] = c[t] / norms[k];
  }
  const out = components.map(() => NaN);
  let inv: Float64Array;
  try {
    inv = inverseSpd(gram(z, n, p), p);
  } catch {
    return out; // exactly collinear components: no finite standard errors
  }
  for (let k = 0; k < p; k++) out[keep[k]] = (sigma * Math.sqrt(inv[k * p + k])) / norms[k];
  return out;
}
