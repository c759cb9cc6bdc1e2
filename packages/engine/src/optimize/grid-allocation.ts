import type { Curve } from './curve.ts';

/**
 * Exact maximum of Σ_c r_c(x_c) over the lattice x_c = lo_c + k_c·Δ, Σ k_c = nSteps,
 * Δ = (budget − Σlo) / nSteps, x_c ≤ hi_c, by dynamic programming over channels (Bellman 1957;
 * the classic resource-allocation recursion V_c(b) = max_k V_{c−1}(b − k) + r_c(lo_c + kΔ)).
 * Any curve shape is fine: the recursion is exhaustive over the lattice. O(nChannels·nSteps²).
 * When the bounds do not let the lattice reach the budget exactly, the remainder is spread over
 * the channels' room afterwards, so the result is always feasible.
 * @param curves [nChannels]; lo, hi [nChannels] spend bounds with Σlo ≤ budget ≤ Σhi
 * @param nSteps lattice size (≥ 1)
 * @returns spend [nChannels] summing to budget
 * @example gridAllocation([c, c], lo0, hi10, 10, 100) // the best split of 10 on a lattice of 0.1
 */
export function gridAllocation(curves: readonly Curve[], lo: Float64Array, hi: Float64Array, budget: number, nSteps: number): Float64Array {
  const n = curves.length;
  let sumLo = 0;
  for (let c = 0; c < n; c++) sumLo += lo[c];
  const free = budget - sumLo;
  const x = Float64Array.from(lo);
  if (!(free > 0)) return x;
  const step = free / nSteps;
  const kMax = new Int32Array(n);
  for (let c = 0; c < n; c++) kMax[c] = Math.min(nSteps, Math.floor((hi[c] - lo[c]) / step + 1e-9));
  let prev = new Float64Array(nSteps + 1).fill(-Infinity);
  let next = new Float64Array(nSteps + 1);
  prev[0] = 0;
  const choice = new Int32Array(n * (nSteps + 1));
  const vals = new Float64Array(nSteps + 1);
  for (let c = 0; c < n; c++) {
    const base = curves[c].value(lo[c]);
    for (let k = 0; k <= kMax[c]; k++) vals[k] = curves[c].value(lo[c] + k * step) - base;
    for (let b = 0; b <= nSteps; b++) {
      let best = -Infinity, arg = 0;
      const top = Math.min(b, kMax[c]);
      for (let k = 0; k <= top; k++) {
        const v = prev[b - k] + vals[k];
        if (v > best) { best = v; arg = k; }
      }
      next[b] = best;
      choice[c * (nSteps + 1) + b] = arg;
    }
    const t = prev; prev = next; next = t;
  }
  let b = nSteps;
  while (b > 0 && prev[b] === -Infinity) b--;
  for (let c = n - 1; c >= 0; c--) {
    const k = choice[c * (nSteps + 1) + b];
    x[c] = Math.min(hi[c], lo[c] + k * step);
    b -= k;
  }
  let spent = 0, room = 0;
  for (let c = 0; c < n; c++) { spent += x[c]; room += hi[c] - x[c]; }
  if (budget - spent > 0 && room > 0) {
    const share = (budget - spent) / room;
    for (let c = 0; c < n; c++) x[c] += share * (hi[c] - x[c]);
  }
  return x;
}
