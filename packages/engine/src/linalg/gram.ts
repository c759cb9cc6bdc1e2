import { assertDimension, assertShape } from './assert-shape.ts';

/**
 * Gram matrix XᵀX: G[j][k] = Σ_i X[i][j]·X[i][k]. Accumulated row by row (cache-friendly for
 * row-major X) over the upper triangle, then mirrored, so the result is exactly symmetric.
 * @param x design matrix, row-major [nRows × nCols]
 * @param nRows number of rows (observations)
 * @param nCols number of columns (variables)
 * @returns XᵀX, row-major [nCols × nCols]
 * @throws EngineError('SHAPE_MISMATCH') when `x.length !== nRows·nCols`
 * @example gram(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 2) // Float64Array [35, 44, 44, 56]
 */
export function gram(x: ArrayLike<number>, nRows: number, nCols: number): Float64Array {
  assertDimension(nRows, 'nRows');
  assertDimension(nCols, 'nCols');
  assertShape(x, nRows * nCols, 'x [nRows × nCols]');
  const g = new Float64Array(nCols * nCols);
  for (let i = 0; i < nRows; i++) {
    const ri = i * nCols;
    for (let j = 0; j < nCols; j++) {
      const xij = x[ri + j];
      if (xij === 0) continue;
      const rj = j * nCols;
      for (let k = j; k < nCols; k++) g[rj + k] += xij * x[ri + k];
    }
  }
  for (let j = 0; j < nCols; j++) {
    for (let k = j + 1; k < nCols; k++) g[k * nCols + j] = g[j * nCols + k];
  }
  return g;
}
