import { EngineError } from '../errors.ts';
import type { Curve } from './curve.ts';

const total = (curves: readonly Curve[], x: Float64Array): number => {
  let v = 0;
  for (let c = 0; c < curves.length; c++) v += curves[c].value(x[c]);
  return v;
};

/** Every lattice point lo + kΔ with Σk = steps and x ≤ hi, visited by a callback (recursive). */
function visitLattice(n: number, steps: number, visit: (k: Int32Array) => void): void {
  const k = new Int32Array(n);
  const rec = (c: number, left: number): void => {
    if (c === n - 1) { k[c] = left; visit(k); return; }
    for (let v = 0; v <= left; v++) { k[c] = v; rec(c + 1, left - v); }
  };
  rec(0, steps);
}

/** Pairwise transfers x_i → x_j of size δ (halved when none improves) until δ < 1e-13 × budget. */
function refine(curves: readonly Curve[], lo: Float64Array, hi: Float64Array, x: Float64Array, delta: number, budget: number): number {
  const n = curves.length;
  const r = Float64Array.from(x, (v, c) => curves[c].value(v));
  let d = delta;
  while (d > 1e-13 * budget) {
    let improved = false;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const t = Math.min(d, x[i] - lo[i], hi[j] - x[j]);
        if (!(t > 0)) continue;
        const ri = curves[i].value(x[i] - t), rj = curves[j].value(x[j] + t);
        if (ri + rj > r[i] + r[j]) { x[i] -= t; x[j] += t; r[i] = ri; r[j] = rj; improved = true; }
      }
    }
    if (!improved) d /= 2;
  }
  return total(curves, x);
}

/**
 * Independent reference optimizer for tests and benches (no derivatives, no KKT): exhaustive search
 * over the lattice lo + kΔ, Σk = steps (steps chosen so the lattice has ≈ 40,000 points), then a
 * pattern search (pairwise transfers with halving steps; Kolda, Lewis & Torczon 2003, "Optimization
 * by direct search") from the best few lattice points and from the proportional point
 * lo + θ(hi − lo). Slow (meant for ≤ 4 channels) but shape-agnostic.
 * @param curves [nChannels]; lo, hi [nChannels] finite bounds with Σlo ≤ budget ≤ Σhi
 * @returns the best spend found [nChannels] and its value Σ r_c(x_c)
 * @throws EngineError('INVALID_ARGUMENT') for more than 5 channels
 * @example referenceAllocation([mm, mm], lo, hi, 4).x // ≈ [2, 2]
 */
export function referenceAllocation(curves: readonly Curve[], lo: Float64Array, hi: Float64Array, budget: number): { x: Float64Array; value: number } {
  const n = curves.length;
  if (n > 5) throw new EngineError('INVALID_ARGUMENT', 'referenceAllocation: at most 5 channels');
  let sLo = 0, sHi = 0;
  for (let c = 0; c < n; c++) { sLo += lo[c]; sHi += hi[c]; }
  const free = budget - sLo;
  const steps = n === 1 ? 1 : n === 2 ? 40000 : n === 3 ? 280 : n === 4 ? 60 : 28;
  const delta = free / steps;
  const starts: { x: Float64Array; value: number }[] = [];
  const theta = sHi > sLo ? free / (sHi - sLo) : 0;
  const prop = Float64Array.from(lo, (l, c) => l + theta * (hi[c] - l));
  starts.push({ x: prop, value: total(curves, prop) });
  if (free > 0 && n > 1) {
    const top: { x: Float64Array; value: number }[] = [];
    const x = new Float64Array(n);
    visitLattice(n, steps, (k) => {
      for (let c = 0; c < n; c++) { x[c] = lo[c] + k[c] * delta; if (x[c] > hi[c]) return; }
      const v = total(curves, x);
      if (top.length < 5 || v > top[top.length - 1].value) {
        top.push({ x: Float64Array.from(x), value: v });
        top.sort((a, b) => b.value - a.value);
        if (top.length > 5) top.pop();
      }
    });
    starts.push(...top);
  }
  let best = { x: prop, value: -Infinity };
  for (const s of starts) {
    const x = Float64Array.from(s.x);
    const v = refine(curves, lo, hi, x, Math.max(delta, 1e-300), budget);
    if (v > best.value) best = { x, value: v };
  }
  return best;
}
