import { EngineError } from '../errors.ts';
import { assertDimension, assertShape } from './assert-shape.ts';

/** Result of {@link leastSquares}. */
export interface LeastSquaresResult {
  /** β minimising ‖y − Xβ‖², length nCols. */
  coefficients: Float64Array;
  /** ‖y − Xβ‖², the residual sum of squares. */
  residualSumOfSquares: number;
}

/**
 * Ordinary least squares min ‖y − Xβ‖² by Householder QR (Golub & Van Loan, *Matrix
 * Computations*, 4th ed., Algorithm 5.2.1 and §5.3.3): X = Q·R, then R·β = (Qᵀy)[0:nCols] by back
 * substitution, and the residual sum of squares is ‖(Qᵀy)[nCols:]‖², which avoids the
 * cancellation of forming y − Xβ. QR avoids squaring the condition number as the normal equations do.
 *
 * There is no column pivoting: a column whose part orthogonal to the preceding columns has norm at most
 * tol·‖column‖, with tol = max(1e-12, nRows·ε), makes the problem rank-deficient and throws.
 * @param x design matrix, row-major [nRows × nCols], nRows ≥ nCols; not modified
 * @param nRows number of observations
 * @param nCols number of coefficients
 * @param y response, length nRows; not modified
 * @returns coefficients (length nCols) and residual sum of squares
 * @throws EngineError('INVALID_ARGUMENT') when nRows < nCols or X is (numerically) rank-deficient
 *   (the message names the first dependent column)
 * @throws EngineError('SHAPE_MISMATCH') on wrong lengths
 * @example leastSquares(Float64Array.of(1, 0, 1, 1, 1, 2), 3, 2, Float64Array.of(1, 2, 4))
 *   // { coefficients: Float64Array [0.8333…, 1.5], residualSumOfSquares: 0.1666… }
 */
export function leastSquares(
  x: ArrayLike<number>,
  nRows: number,
  nCols: number,
  y: ArrayLike<number>,
): LeastSquaresResult {
  assertDimension(nRows, 'nRows');
  assertDimension(nCols, 'nCols');
  assertShape(x, nRows * nCols, 'x [nRows × nCols]');
  assertShape(y, nRows, 'y [nRows]');
  if (nRows < nCols) {
    throw new EngineError('INVALID_ARGUMENT', `least squares needs nRows ≥ nCols, got ${nRows} < ${nCols}`);
  }
  const tol = Math.max(1e-12, nRows * Number.EPSILON);
  // Column-major working copy: column j occupies q[j·nRows … (j+1)·nRows).
  const q = new Float64Array(nRows * nCols);
  const colNorm = new Float64Array(nCols);
  for (let j = 0; j < nCols; j++) {
    const cj = j * nRows;
    for (let i = 0; i < nRows; i++) q[cj + i] = x[i * nCols + j];
    colNorm[j] = norm(q, cj, nRows);
  }
  const r = Float64Array.from(y);
  const diag = new Float64Array(nCols);
  for (let k = 0; k < nCols; k++) {
    const ck = k * nRows;
    const nrm = norm(q, ck + k, nRows - k);
    if (!(nrm > tol * colNorm[k])) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `design matrix is rank-deficient: column ${k} is (numerically) a combination of earlier columns`,
      );
    }
    const head = q[ck + k];
    const alpha = head > 0 ? -nrm : nrm;
    q[ck + k] = head - alpha; // the Householder vector v now sits in q[ck + k … ck + nRows)
    const vtv = 2 * nrm * (nrm + Math.abs(head));
    for (let j = k + 1; j < nCols; j++) reflect(q, ck, j * nRows, k, nRows, vtv);
    reflect(q, ck, -1, k, nRows, vtv, r);
    diag[k] = alpha;
  }
  const beta = new Float64Array(nCols);
  for (let k = nCols - 1; k >= 0; k--) {
    let s = r[k];
    for (let j = k + 1; j < nCols; j++) s -= q[j * nRows + k] * beta[j];
    beta[k] = s / diag[k];
  }
  let rss = 0;
  for (let i = nCols; i < nRows; i++) rss += r[i] * r[i];
  return { coefficients: beta, residualSumOfSquares: rss };
}

/** Euclidean norm of a[start … start+len), scaled against overflow. */
function norm(a: Float64Array, start: number, len: number): number {
  let scale = 0;
  for (let i = 0; i < len; i++) scale = Math.max(scale, Math.abs(a[start + i]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < len; i++) { const t = a[start + i] / scale; s += t * t; }
  return scale * Math.sqrt(s);
}

/** Apply H = I − 2vvᵀ/(vᵀv) (v in q[cv+k …]) to rows k… of column cj of q, or to `target` if given. */
function reflect(
  q: Float64Array, cv: number, cj: number, k: number, nRows: number, vtv: number, target?: Float64Array,
): void {
  const t = target ?? q;
  const off = target ? 0 : cj;
  let s = 0;
  for (let i = k; i < nRows; i++) s += q[cv + i] * t[off + i];
  const f = (2 * s) / vtv;
  if (f === 0) return;
  for (let i = k; i < nRows; i++) t[off + i] -= f * q[cv + i];
}
