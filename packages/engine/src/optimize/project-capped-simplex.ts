/**
 * Euclidean projection of y onto {x : lo ≤ x ≤ hi, Σx = total} (a "capped simplex"): x = clamp(y − τ)
 * with τ the root of the non-increasing piecewise-linear Σ clamp(y − τ, lo, hi) = total, found by
 * a binary search over the sorted breakpoints and linear interpolation between the two that
 * bracket it (O(n log n); Helgason, Kennington & Lall 1980; Brucker 1984 for the O(n) variant). With `metric` D > 0
 * the projection in the norm Σ (x − y)²/D: x = clamp(y − τ·D) (the same KKT argument). Requires
 * Σlo ≤ total ≤ Σhi; the output is exactly feasible (the residual goes to the coordinates with room).
 * @param y, lo, hi, out arrays of the same length n; `out` may alias `y`
 * @param offset, length the slice [offset, offset + length) to project
 * @param metric optional positive diagonal D [n] (default all 1)
 * @example projectCappedSimplex(Float64Array.of(3, 1), Float64Array.of(0, 0), Float64Array.of(9, 9), 2, out, 0, 2) // [2, 0]
 */
export function projectCappedSimplex(y: Float64Array, lo: Float64Array, hi: Float64Array, total: number, out: Float64Array, offset: number, length: number, metric?: Float64Array): void {
  const D = metric ?? new Float64Array(y.length).fill(1);
  let a = Infinity, b = -Infinity;
  for (let i = offset; i < offset + length; i++) { a = Math.min(a, (y[i] - hi[i]) / D[i]); b = Math.max(b, (y[i] - lo[i]) / D[i]); }
  const sumAt = (tau: number): number => {
    let s = 0;
    for (let i = offset; i < offset + length; i++) s += Math.min(hi[i], Math.max(lo[i], y[i] - tau * D[i]));
    return s;
  };
  // τ lies between two adjacent breakpoints (y − hi)/D, (y − lo)/D, where the sum is linear in τ:
  // binary search over the sorted finite breakpoints, then interpolate. Bisection on τ otherwise.
  const bp = new Float64Array(2 * length);
  let m = 0;
  for (let i = offset; i < offset + length; i++) {
    const u = (y[i] - hi[i]) / D[i], v = (y[i] - lo[i]) / D[i];
    if (Number.isFinite(u)) bp[m++] = u;
    if (Number.isFinite(v)) bp[m++] = v;
  }
  const sorted = bp.subarray(0, m).sort();
  let tau: number;
  if (m > 0 && sumAt(sorted[0]) >= total && sumAt(sorted[m - 1]) <= total) {
    let i = 0, j = m - 1;
    while (j - i > 1) {
      const k = (i + j) >> 1;
      if (sumAt(sorted[k]) >= total) i = k; else j = k;
    }
    const si = sumAt(sorted[i]), sj = sumAt(sorted[j]);
    tau = si === sj ? sorted[i] : sorted[i] + ((si - total) / (si - sj)) * (sorted[j] - sorted[i]);
  } else {
    for (let it = 0; it < 100 && b - a > 1e-15 * Math.max(1, Math.abs(a), Math.abs(b)); it++) {
      const mid = 0.5 * (a + b);
      if (sumAt(mid) > total) a = mid; else b = mid;
    }
    tau = 0.5 * (a + b);
  }
  let s = 0, room = 0;
  for (let i = offset; i < offset + length; i++) {
    const v = Math.min(hi[i], Math.max(lo[i], y[i] - tau * D[i]));
    out[i] = v;
    s += v;
  }
  const r = total - s;
  for (let i = offset; i < offset + length; i++) room += r > 0 ? hi[i] - out[i] : out[i] - lo[i];
  if (room > 0 && r !== 0) for (let i = offset; i < offset + length; i++) out[i] += r > 0 ? (r * (hi[i] - out[i])) / room : (r * (out[i] - lo[i])) / room;
}
