import { cholesky } from './cholesky.ts';

/**
 * Inverse of a symmetric positive-definite matrix through its Cholesky factor:
 * A⁻¹ = L⁻ᵀ·L⁻¹ (Golub & Van Loan, *Matrix Computations*, 4th ed., §4.2). L⁻¹ is formed by
 * forward substitution, then the product is accumulated and mirrored so the result is exactly
 * symmetric. Only the lower triangle of `a` is read.
 * @param a symmetric positive-definite matrix, row-major [n × n]; not modified
 * @param n matrix order
 * @returns A⁻¹, row-major [n × n], symmetric
 * @throws EngineError('NOT_POSITIVE_DEFINITE') from {@link cholesky}, naming the failing pivot
 * @throws EngineError('SHAPE_MISMATCH') when `a.length !== n·n`
 * @example inverseSpd(Float64Array.of(4, 2, 2, 5), 2) // Float64Array [0.3125, -0.125, -0.125, 0.25]
 */
export function inverseSpd(a: ArrayLike<number>, n: number): Float64Array {
  const l = cholesky(a, n);
  // w = L⁻¹ (lower triangular), column by column.
  const w = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    w[j * n + j] = 1 / l[j * n + j];
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = 0;
      for (let k = j; k < i; k++) s -= l[ri + k] * w[k * n + j];
      w[ri + j] = s / l[ri + i];
    }
  }
  // A⁻¹[i][j] = Σ_k W[k][i]·W[k][j], k ≥ max(i, j).
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += w[k * n + i] * w[k * n + j];
      inv[i * n + j] = s;
      inv[j * n + i] = s;
    }
  }
  return inv;
}
