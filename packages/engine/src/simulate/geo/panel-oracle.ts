import { oracleStandardErrors } from '../oracle-standard-errors.ts';

/**
 * Relative standard errors of the effect sizes for an oracle that knows every true shape and fits
 * the geo panel as the geo-level model does: rows in national-equivalent units (y_g / s_g) weighted by
 * s_g, one free intercept per geo. Weighting row (g, t) by √s_g makes the noise homoscedastic when
 * Var(noise_g) ∝ s_g, so OLS on the stacked, weighted columns is the oracle (oracleStandardErrors).
 * @param components per component, per geo [nGeos][nTimes] in the geo's KPI units (shared coefficient 1)
 * @param sizes s_g, [nGeos]
 * @param sigma sd of the weighted noise: sd(noise_g) / √s_g (the same for every geo)
 * @returns relative SE per component, in `components` order (the geo intercepts are fitted, not returned)
 */
export function panelOracleStandardErrors(components: readonly (readonly Float64Array[])[], sizes: ArrayLike<number>, sigma: number): number[] {
  const nGeos = sizes.length;
  const n = components[0][0].length;
  const stack = (perGeo: readonly Float64Array[]): Float64Array => {
    const out = new Float64Array(nGeos * n);
    perGeo.forEach((x, g) => { const w = 1 / Math.sqrt(sizes[g]); for (let t = 0; t < n; t++) out[g * n + t] = x[t] * w; });
    return out;
  };
  const intercepts = Array.from({ length: nGeos }, (_, g) => {
    const col = new Float64Array(nGeos * n);
    col.fill(Math.sqrt(sizes[g]), g * n, (g + 1) * n);
    return col;
  });
  return oracleStandardErrors([...components.map(stack), ...intercepts], sigma).slice(0, components.length);
}
