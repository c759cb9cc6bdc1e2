import type { Curve } from './curve.ts';

function total(curves: readonly Curve[], x: Float64Array): number {
  let v = 0;
  for (let c = 0; c < curves.length; c++) v += curves[c].value(x[c]);
  return v;
}

/**
 * Local polish of a feasible allocation: Newton's method on the stationarity system
 * r'_c(x_c) = λ (channels strictly inside their bounds), Σ x_c = budget, whose step is
 * d_c = (λ + δλ − r'_c) / r''_c with δλ chosen so Σ d_c = 0 (Nocedal & Wright 2006, §18.1, for an
 * equality-constrained problem with diagonal Hessian). Each step is halved until it stays inside
 * the bounds and improves the objective, so the result is never worse than the input. Works for
 * non-concave curves, e.g. one channel on the convex part of an S-curve.
 * @param curves [nChannels]; lo, hi [nChannels]; x [nChannels] feasible, modified in place
 * @returns the objective Σ r_c(x_c) at the returned point
 * @example polishNewton(curves, lo, hi, x) // ≥ the objective at the input x
 */
export function polishNewton(curves: readonly Curve[], lo: Float64Array, hi: Float64Array, x: Float64Array): number {
  const n = curves.length;
  let f = total(curves, x);
  const d = new Float64Array(n), trial = new Float64Array(n), g = new Float64Array(n), h = new Float64Array(n);
  for (let it = 0; it < 30; it++) {
    let sInv = 0, sGrad = 0, nFree = 0;
    for (let c = 0; c < n; c++) {
      const span = hi[c] - lo[c];
      const free = x[c] > lo[c] + 1e-12 * span && x[c] < hi[c] - 1e-12 * span;
      g[c] = curves[c].d1(x[c]);
      h[c] = free ? curves[c].d2(x[c]) : 0;
      if (free && h[c] !== 0 && Number.isFinite(h[c])) { sInv += 1 / h[c]; sGrad += g[c] / h[c]; nFree++; }
      else h[c] = 0;
    }
    if (nFree < 2 || sInv === 0) break;
    const lambda = sGrad / sInv; // makes Σ (λ − g_c)/h_c = 0
    let moved = false;
    for (let c = 0; c < n; c++) d[c] = h[c] !== 0 ? (lambda - g[c]) / h[c] : 0;
    for (let alpha = 1; alpha > 1e-6; alpha /= 2) {
      let ok = true;
      for (let c = 0; c < n; c++) {
        trial[c] = x[c] + alpha * d[c];
        if (trial[c] < lo[c] || trial[c] > hi[c]) { ok = false; break; }
      }
      if (!ok) continue;
      const ft = total(curves, trial);
      if (ft > f) { f = ft; x.set(trial); moved = true; }
      break;
    }
    if (!moved) break;
  }
  return f;
}
