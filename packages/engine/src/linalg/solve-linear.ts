import { EngineError } from '../errors.ts';
import { assertDimension, assertShape } from './assert-shape.ts';

/**
 * Solve the square system A·x = b by LU decomposition with partial (row) pivoting
 * (Golub & Van Loan, *Matrix Computations*, 4th ed., Algorithm 3.4.1), followed by forward and back
 * substitution. Works on copies; the inputs are not modified.
 *
 * Like LAPACK's dgesv, the matrix is declared singular only when a pivot is exactly zero (or not
 * finite); a nearly singular matrix yields a large but finite answer.
 * @param a matrix, row-major [n × n]
 * @param n matrix order
 * @param b right-hand side, length n
 * @returns x, length n
 * @throws EngineError('INVALID_ARGUMENT') when A is singular (message names the column)
 * @throws EngineError('SHAPE_MISMATCH') on wrong lengths
 * @example solveLinear(Float64Array.of(0, 1, 2, 0), 2, Float64Array.of(3, 4)) // Float64Array [2, 3]
 */
export function solveLinear(a: ArrayLike<number>, n: number, b: ArrayLike<number>): Float64Array {
  assertDimension(n, 'n');
  assertShape(a, n * n, 'a [n × n]');
  assertShape(b, n, 'b [n]');
  const lu = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]);
      if (v > best) { best = v; p = i; }
    }
    if (!(best > 0) || !Number.isFinite(best)) {
      throw new EngineError('INVALID_ARGUMENT', `matrix is singular (no usable pivot in column ${k})`);
    }
    if (p !== k) {
      const rp = p * n, rk = k * n;
      for (let j = 0; j < n; j++) { const t = lu[rp + j]; lu[rp + j] = lu[rk + j]; lu[rk + j] = t; }
      const t = x[p]; x[p] = x[k]; x[k] = t;
    }
    const rk = k * n;
    const pivot = lu[rk + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const f = lu[ri + k] / pivot;
      if (f === 0) continue;
      lu[ri + k] = f;
      for (let j = k + 1; j < n; j++) lu[ri + j] -= f * lu[rk + j];
      x[i] -= f * x[k];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = x[i];
    for (let j = i + 1; j < n; j++) s -= lu[ri + j] * x[j];
    x[i] = s / lu[ri + i];
  }
  return x;
}
