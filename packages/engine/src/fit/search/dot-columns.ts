/**
 * Cross products and column sums for the candidate evaluators' Gram matrices and fitted values, written
 * so that every sum is accumulated in exactly the same order as a plain one-column loop (results
 * identical to the bit) while four independent sums run side by side: a single running sum waits on
 * each addition's latency, four in one loop share the load of `a` and keep the floating-point unit busy.
 */

/**
 * out[outOff + k] = Σ_{i<n} a[aOff + i]·b[bOff + k·stride + i] for k < nCols, each sum from 0 in
 * ascending i.
 * @example dotColumns(Float64Array.of(1, 2), 0, Float64Array.of(3, 4, 5, 6), 0, 2, 2, 2, out, 0) // out = [11, 17]
 */
export function dotColumns(
  a: Float64Array, aOff: number, b: Float64Array, bOff: number, stride: number, nCols: number, n: number, out: Float64Array, outOff: number,
): void {
  out.fill(0, outOff, outOff + nCols);
  dotColumnsAdd(a, aOff, b, bOff, stride, nCols, n, out, outOff);
}

/**
 * dotColumns continuing each sum from the value already in `out`: out[outOff + k] += a·b_k, the terms
 * added one by one in ascending i. Calling it block after block (e.g. geo after geo) gives the sums of
 * one running loop over all blocks, to the bit.
 * @example out = [1, 0]; dotColumnsAdd(Float64Array.of(1, 2), 0, Float64Array.of(3, 4, 5, 6), 0, 2, 2, 2, out, 0) // out = [12, 17]
 */
export function dotColumnsAdd(
  a: Float64Array, aOff: number, b: Float64Array, bOff: number, stride: number, nCols: number, n: number, out: Float64Array, outOff: number,
): void {
  let k = 0;
  for (; k + 4 <= nCols; k += 4) {
    const o0 = bOff + k * stride, o1 = o0 + stride, o2 = o1 + stride, o3 = o2 + stride;
    let s0 = out[outOff + k], s1 = out[outOff + k + 1], s2 = out[outOff + k + 2], s3 = out[outOff + k + 3];
    for (let i = 0; i < n; i++) {
      const x = a[aOff + i];
      s0 += x * b[o0 + i];
      s1 += x * b[o1 + i];
      s2 += x * b[o2 + i];
      s3 += x * b[o3 + i];
    }
    out[outOff + k] = s0; out[outOff + k + 1] = s1; out[outOff + k + 2] = s2; out[outOff + k + 3] = s3;
  }
  for (; k < nCols; k++) {
    const o = bOff + k * stride;
    let s = out[outOff + k];
    for (let i = 0; i < n; i++) s += a[aOff + i] * b[o + i];
    out[outOff + k] = s;
  }
}

/**
 * out[i] += Σ_k coef[k]·src[offsets[k] + i] for i < n and k < nCols, each out[i] adding the terms in
 * ascending k: the same result, to the bit, as one pass per column in that order, with a quarter of
 * the passes over `out` (four columns per pass).
 * @example out = [1, 1]; addColumns(out, 2, Float64Array.of(1, 2, 3, 4), Int32Array.of(0, 2), Float64Array.of(10, 1), 2) // out = [14, 25]
 */
export function addColumns(out: Float64Array, n: number, src: Float64Array, offsets: Int32Array, coef: Float64Array, nCols: number): void {
  let k = 0;
  for (; k + 4 <= nCols; k += 4) {
    const o0 = offsets[k], o1 = offsets[k + 1], o2 = offsets[k + 2], o3 = offsets[k + 3];
    const b0 = coef[k], b1 = coef[k + 1], b2 = coef[k + 2], b3 = coef[k + 3];
    for (let i = 0; i < n; i++) out[i] = out[i] + b0 * src[o0 + i] + b1 * src[o1 + i] + b2 * src[o2 + i] + b3 * src[o3 + i];
  }
  for (; k < nCols; k++) {
    const o = offsets[k], b = coef[k];
    for (let i = 0; i < n; i++) out[i] += b * src[o + i];
  }
}
