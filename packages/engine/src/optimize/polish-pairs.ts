import type { Curve } from './curve.ts';

/**
 * Best t in [0, tMax] for φ(t) = r_i(x_i − t) + r_j(x_j + t), given φ'(0) > 0: the first local
 * maximum (first + → − sign change of φ' on 32 equal steps, refined by bisection) or tMax,
 * whichever is higher; 0 when neither beats φ(0).
 */
function bestTransfer(ci: Curve, cj: Curve, xi: number, xj: number, tMax: number): number {
  const dphi = (t: number): number => cj.d1(xj + t) - ci.d1(xi - t);
  const phi = (t: number): number => ci.value(xi - t) + cj.value(xj + t);
  let a = 0, b = tMax;
  for (let k = 1; k <= 32; k++) {
    const t = (tMax * k) / 32;
    if (dphi(t) <= 0) { b = t; break; }
    a = t;
  }
  if (a < tMax) {
    for (let it = 0; it < 100 && b - a > 1e-15 * Math.max(1e-300, tMax); it++) {
      const m = 0.5 * (a + b);
      if (dphi(m) > 0) a = m; else b = m;
    }
  }
  const p0 = phi(0), pa = phi(a), pm = phi(tMax);
  if (pm >= pa && pm > p0) return tMax;
  return pa > p0 ? a : 0;
}

/**
 * Local polish by maximal-violating-pair transfers (the working-set rule of Platt's SMO; Keerthi &
 * Gilbert 2002 prove convergence for concave objectives): move spend from the channel with the
 * lowest marginal return that can give to the one with the highest that can take, by the best
 * 1-D transfer (a stationary point found by bisection on the directional derivative, or the whole
 * room when the derivative stays positive), until the marginal returns agree to 1e-12 relative.
 * Every step increases Σ r_c(x_c) and keeps Σx and the bounds, so it never makes a point worse;
 * it also reaches bounds exactly, which Newton steps cannot.
 * @param curves [nChannels]; lo, hi [nChannels]; x [nChannels] feasible, modified in place
 * @param maxIter transfers at most (default 200)
 * @example polishPairs(curves, lo, hi, x) // x moved to where free marginal returns are equal
 */
export function polishPairs(curves: readonly Curve[], lo: Float64Array, hi: Float64Array, x: Float64Array, maxIter = 200): void {
  const n = curves.length;
  for (let it = 0; it < maxIter; it++) {
    let i = -1, j = -1, gi = Infinity, gj = -Infinity;
    for (let c = 0; c < n; c++) {
      const g = curves[c].d1(x[c]);
      if (x[c] > lo[c] && g < gi) { gi = g; i = c; }
      if (x[c] < hi[c] && g > gj) { gj = g; j = c; }
    }
    if (i < 0 || j < 0 || i === j || !(gj > gi * (1 + 1e-12))) return;
    const tMax = Math.min(x[i] - lo[i], hi[j] - x[j]);
    const t = bestTransfer(curves[i], curves[j], x[i], x[j], tMax);
    if (!(t > 0)) return;
    if (t === tMax) {
      if (x[i] - lo[i] <= hi[j] - x[j]) { x[j] += x[i] - lo[i]; x[i] = lo[i]; } else { x[i] -= hi[j] - x[j]; x[j] = hi[j]; }
    } else { x[i] -= t; x[j] += t; }
  }
}
