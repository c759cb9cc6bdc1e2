/**
 * Euclidean projection of y onto {x : lo ≤ x ≤ hi, Σx = total} (a "capped simplex"): x = clamp(y − τ)
 * with τ the root of the non-increasing piecewise-linear Σ clamp(y − τ, lo, hi) = total, found by
 * bisection (Helgason, Kennington & Lall 1980; Brucker 1984 for the O(n) variant). Requires
 * Σlo ≤ total ≤ Σhi; the output is exactly feasible (the residual goes to the coordinates with room).
 * @param y, lo, hi, out arrays of the same length n; `out` may alias `y`
 * @param offset, length the slice [offset, offset + length) to project
 * @example projectCappedSimplex(Float64Array.of(3, 1), Float64Array.of(0, 0), Float64Array.of(9, 9), 2, out, 0, 2) // [2, 0]
 */
export function projectCappedSimplex(y: Float64Array, lo: Float64Array, hi: Float64Array, total: number, out: Float64Array, offset: number, length: number): void {
  let a = Infinity, b = -Infinity;
  for (let i = offset; i < offset + length; i++) { a = Math.min(a, y[i] - hi[i]); b = Math.max(b, y[i] - lo[i]); }
  const sumAt = (tau: number): number => {
    let s = 0;
    for (let i = offset; i < offset + length; i++) s += Math.min(hi[i], Math.max(lo[i], y[i] - tau));
    return s;
  };
  for (let it = 0; it < 100 && b - a > 1e-15 * Math.max(1, Math.abs(a), Math.abs(b)); it++) {
    const m = 0.5 * (a + b);
    if (sumAt(m) > total) a = m; else b = m;
  }
  const tau = 0.5 * (a + b);
  let s = 0, room = 0;
  for (let i = offset; i < offset + length; i++) {
    const v = Math.min(hi[i], Math.max(lo[i], y[i] - tau));
    out[i] = v;
    s += v;
  }
  const r = total - s;
  for (let i = offset; i < offset + length; i++) room += r > 0 ? hi[i] - out[i] : out[i] - lo[i];
  if (room > 0 && r !== 0) for (let i = offset; i < offset + length; i++) out[i] += r > 0 ? (r * (hi[i] - out[i])) / room : (r * (out[i] - lo[i])) / room;
}
