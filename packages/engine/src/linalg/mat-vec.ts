import { assertDimension, assertShape } from './assert-shape.ts';

/**
 * Matrix–vector product A·v: out[i] = Σ_j A[i][j]·v[j].
 * @param a matrix, row-major [nRows × nCols]
 * @param nRows number of rows
 * @param nCols number of columns
 * @param v vector, length nCols
 * @returns A·v, length nRows
 * @throws EngineError('SHAPE_MISMATCH') on wrong lengths
 * @example matVec(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 2, Float64Array.of(1, -1)) // Float64Array [-1, -1, -1]
 */
export function matVec(
  a: ArrayLike<number>,
  nRows: number,
  nCols: number,
  v: ArrayLike<number>,
): Float64Array {
  assertDimension(nRows, 'nRows');
  assertDimension(nCols, 'nCols');
  assertShape(a, nRows * nCols, 'a [nRows × nCols]');
  assertShape(v, nCols, 'v [nCols]');
  const out = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    const ri = i * nCols;
    let s = 0;
    for (let j = 0; j < nCols; j++) s += a[ri + j] * v[j];
    out[i] = s;
  }
  return out;
}
