import { EngineError } from '../errors.ts';

/** Relative residual norm below which a column counts as an exact linear combination (VIF > 1e20). */
const COLLINEAR_TOL = 1e-10;

/**
 * Variance inflation factor of each regressor: VIFⱼ = 1 / (1 − R²ⱼ), where R²ⱼ is the R² of
 * regressing column j on all the other columns plus an intercept (Marquardt 1970, "Generalized
 * inverses, ridge regression, biased linear estimation, and nonlinear estimation", Technometrics
 * 12(3); Belsley, Kuh & Welsch 1980, *Regression Diagnostics*). 1 means orthogonal to the others;
 * above ~10 is commonly read as serious collinearity.
 *
 * Computed as VIFⱼ = ‖x̃ⱼ‖² / ‖rⱼ‖², with x̃ⱼ the centred column (centring = the intercept) and rⱼ its
 * residual after projecting on the span of the other centred columns, which is built by modified
 * Gram–Schmidt with re-orthogonalisation (Björck 1994). Other columns that are themselves collinear
 * are skipped when building the basis, so they do not make the regression fail.
 *
 * Infinity is returned when column j is (numerically) a linear combination of the other columns and
 * the intercept, i.e. when ‖rⱼ‖ ≤ 1e-10·‖x̃ⱼ‖ (VIF above 1e20), and for a constant column (collinear
 * with the intercept). A single column gets VIF 1 unless it is constant.
 * @param columns one Float64Array per regressor, each of length nRows (column-major design,
 *   without an intercept column)
 * @param nRows number of observations; nRows ≥ 2
 * @returns VIF per column, length columns.length, each ≥ 1 or Infinity
 * @throws EngineError('SHAPE_MISMATCH') when a column's length differs from nRows
 * @throws EngineError('INVALID_ARGUMENT') when nRows < 2 or there are no columns
 * @example varianceInflationFactors([Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 0, 1, 0)], 4)
 *   // Float64Array [1.25, 1.25] (the centred columns have correlation −0.447, so 1/(1 − 0.2))
 */
export function varianceInflationFactors(columns: readonly Float64Array[], nRows: number): Float64Array {
  const p = columns.length;
  if (p === 0 || !Number.isInteger(nRows) || nRows < 2) {
    throw new EngineError('INVALID_ARGUMENT', `varianceInflationFactors needs ≥ 1 column and nRows ≥ 2 (nRows = ${nRows})`);
  }
  const centred: Float64Array[] = [];
  const norm2 = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const col = columns[j];
    if (col.length !== nRows) {
      throw new EngineError('SHAPE_MISMATCH', `varianceInflationFactors: column ${j} has ${col.length} rows, expected ${nRows}`);
    }
    let m = 0;
    for (let i = 0; i < nRows; i++) m += col[i];
    m /= nRows;
    const c = new Float64Array(nRows);
    for (let i = 0; i < nRows; i++) c[i] = col[i] - m;
    centred.push(c);
    norm2[j] = dot(c, c);
  }
  const out = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (!(norm2[j] > 0)) { out[j] = Infinity; continue; }
    const basis: Float64Array[] = [];
    for (let k = 0; k < p; k++) {
      if (k === j || !(norm2[k] > 0)) continue;
      const v = centred[k].slice();
      orthogonalise(v, basis);
      const nv = dot(v, v);
      if (nv > COLLINEAR_TOL * COLLINEAR_TOL * norm2[k]) {
        const s = 1 / Math.sqrt(nv);
        for (let i = 0; i < nRows; i++) v[i] *= s;
        basis.push(v);
      }
    }
    const r = centred[j].slice();
    orthogonalise(r, basis);
    const rr = dot(r, r);
    out[j] = rr <= COLLINEAR_TOL * COLLINEAR_TOL * norm2[j] ? Infinity : Math.max(1, norm2[j] / rr);
  }
  return out;
}

/** Remove from v its components along the orthonormal basis, twice ("twice is enough", Giraud et al. 2005). */
function orthogonalise(v: Float64Array, basis: readonly Float64Array[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) {
      const c = dot(q, v);
      for (let i = 0; i < v.length; i++) v[i] -= c * q[i];
    }
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
