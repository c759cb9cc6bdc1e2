import { EngineError } from '../errors.ts';
import { assertDimension, assertShape } from './assert-shape.ts';

/**
 * Solve A·x = b given the Cholesky factor L of A (A = L·Lᵀ): forward substitution L·z = b, then
 * back substitution Lᵀ·x = z (Golub & Van Loan, *Matrix Computations*, 4th ed., §4.2).
 * @param l lower-triangular factor from {@link cholesky}, row-major [n × n]; entries above the
 *   diagonal are ignored
 * @param n matrix order
 * @param b right-hand side, length n; not modified
 * @returns x, length n
 * @throws EngineError('SHAPE_MISMATCH') on wrong lengths
 * @throws EngineError('NOT_POSITIVE_DEFINITE') when a diagonal entry of L is not > 0
 * @example choleskySolve(Float64Array.of(2, 0, 1, 2), 2, Float64Array.of(8, 9)) // Float64Array [1.375, 1.25]
 *   (A = [[4, 2], [2, 5]])
 */
export function choleskySolve(l: ArrayLike<number>, n: number, b: ArrayLike<number>): Float64Array {
  assertDimension(n, 'n');
  assertShape(l, n * n, 'l [n × n]');
  assertShape(b, n, 'b [n]');
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    const d = l[i * n + i];
    if (!(d > 0)) throw new EngineError('NOT_POSITIVE_DEFINITE', `factor has diagonal ${d} at ${i}`);
    let s = x[i];
    const ri = i * n;
    for (let k = 0; k < i; k++) s -= l[ri + k] * x[k];
    x[i] = s / d;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}
