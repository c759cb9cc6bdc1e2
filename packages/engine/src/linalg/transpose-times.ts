import { assertDimension, assertShape } from './assert-shape.ts';

/**
 * Xᵀy: out[j] = Σ_i X[i][j]·y[i] (the right-hand side of the normal equations).
 * @param x matrix, row-major [nRows × nCols]
 * @param nRows number of rows
 * @param nCols number of columns
 * @param y vector, length nRows
 * @returns Xᵀy, length nCols
 * @throws EngineError('SHAPE_MISMATCH') on wrong lengths
 * @example transposeTimes(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 2, Float64Array.of(1, 0, -1)) // Float64Array [-4, -4]
 */
export function transposeTimes(
  x: ArrayLike<number>,
  nRows: number,
  nCols: number,
  y: ArrayLike<number>,
): Float64Array {
  assertDimension(nRows, 'nRows');
  assertDimension(nCols, 'nCols');
  assertShape(x, nRows * nCols, 'x [nRows × nCols]');
  assertShape(y, nRows, 'y [nRows]');
  const out = new Float64Array(nCols);
  for (let i = 0; i < nRows; i++) {
    const yi = y[i];
    if (yi === 0) continue;
    const ri = i * nCols;
    for (let j = 0; j < nCols; j++) out[j] += x[ri + j] * yi;
  }
  return out;
}
