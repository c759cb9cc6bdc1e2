import { EngineError } from '../errors.ts';
import { assertDimension, assertShape } from './assert-shape.ts';

/**
 * Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix, by the
 * Cholesky–Banachiewicz (row by row) recurrence (Golub & Van Loan, *Matrix Computations*, 4th ed.,
 * Algorithm 4.2.2):
 * L[i][j] = (A[i][j] − Σ_{k<j} L[i][k]·L[j][k]) / L[j][j] for j < i, and
 * L[i][i] = √(A[i][i] − Σ_{k<i} L[i][k]²).
 *
 * Only the lower triangle of `a` (including the diagonal) is read; symmetry is assumed, not checked.
 * @param a symmetric matrix, row-major [n × n]; not modified
 * @param n matrix order
 * @returns L, row-major [n × n], lower triangular (entries above the diagonal are 0)
 * @throws EngineError('NOT_POSITIVE_DEFINITE') when a pivot A[i][i] − Σ L[i][k]² is not > 0 (or is
 *   NaN); the message names the failing pivot index i (0-based)
 * @throws EngineError('SHAPE_MISMATCH') when `a.length !== n·n`
 * @example cholesky(Float64Array.of(4, 2, 2, 5), 2) // Float64Array [2, 0, 1, 2]
 */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array {
  assertDimension(n, 'n');
  assertShape(a, n * n, 'a [n × n]');
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= l[ri + k] * l[rj + k];
      if (j < i) {
        l[ri + j] = s / l[rj + j];
      } else {
        if (!(s > 0)) {
          throw new EngineError(
            'NOT_POSITIVE_DEFINITE',
            `matrix is not positive definite: pivot ${i} is ${s}`,
          );
        }
        l[ri + i] = Math.sqrt(s);
      }
    }
  }
  return l;
}
