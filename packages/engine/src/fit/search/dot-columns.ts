/**
 * Cross products for the candidate evaluator's Gram matrix and fitted values, written so that every
 * sum is accumulated in exactly the same order as a plain one-column loop (results identical to the
 * bit) while four independent sums run side by side: a single running sum waits on each addition's
 * latency, four in one loop share the load of `a` and keep the floating-point unit busy.
 */

/**
 * out[outOff + k] = Σ_{i<n} a[aOff + i]·b[bOff + k·stride + i] for k < nCols, each sum from 0 in
 * ascending i.
 * @example dotColumns(Float64Array.of(1, 2), 0, Float64Array.of(3, 4, 5, 6), 0, 2, 2, 2, out, 0) // out = [11, 17]
 */
export function dotColumns(
  a: Float64Array, aOff: number, b: Float64Array, bOff: number, stride: number, nCols: number, n: number, out: Float64Array, outOff: number,
): void {
  let k = 0;
  for (; k + 4 <= nCols; k += 4) {
    const o0 = bOff + k * stride, o1 = o0 + stride, o2 = o1 + stride, o3 = o2 + stride;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
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
    let s = 0;
    for (let i = 0; i < n; i++) s += a[aOff + i] * b[o + i];
    out[outOff + k] = s;
  }
}
