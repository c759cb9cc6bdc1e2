import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveBoxQp } from './box-qp.ts';
import { createRng } from '../../random/rng.ts';
import { normal } from '../../random/distributions.ts';

function objective(g: Float64Array, c: Float64Array, x: ArrayLike<number>, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) {
    let gi = 0;
    for (let j = 0; j < n; j++) gi += g[i * n + j] * x[j];
    v += 0.5 * x[i] * gi - c[i] * x[i];
  }
  return v;
}

/** Independent reference: enumerate every face of the box (3^n), solve on it by Gaussian elimination, keep the best feasible point. */
function bruteForce(g: Float64Array, c: Float64Array, lo: Float64Array, hi: Float64Array, n: number): number[] {
  let best: number[] = [];
  let bestVal = Infinity;
  const total = 3 ** n;
  for (let code = 0; code < total; code++) {
    const state: number[] = [];
    let k = code;
    for (let i = 0; i < n; i++) { state.push(k % 3); k = Math.floor(k / 3); }
    const x = new Array<number>(n).fill(0);
    let ok = true;
    for (let i = 0; i < n; i++) {
      if (state[i] === 1) { if (!Number.isFinite(lo[i])) ok = false; x[i] = lo[i]; }
      if (state[i] === 2) { if (!Number.isFinite(hi[i])) ok = false; x[i] = hi[i]; }
    }
    if (!ok) continue;
    const free = state.map((s, i) => (s === 0 ? i : -1)).filter((i) => i >= 0);
    const m = free.length;
    const a = free.map((i) => free.map((j) => g[i * n + j]));
    const b = free.map((i) => c[i] - state.reduce((s, st, j) => (st === 0 ? s : s + g[i * n + j] * x[j]), 0));
    for (let p = 0; p < m; p++) {
      let piv = p;
      for (let r = p + 1; r < m; r++) if (Math.abs(a[r][p]) > Math.abs(a[piv][p])) piv = r;
      [a[p], a[piv]] = [a[piv], a[p]];
      [b[p], b[piv]] = [b[piv], b[p]];
      for (let r = p + 1; r < m; r++) {
        const f = a[r][p] / a[p][p];
        for (let q = p; q < m; q++) a[r][q] -= f * a[p][q];
        b[r] -= f * b[p];
      }
    }
    for (let p = m - 1; p >= 0; p--) {
      let s = b[p];
      for (let q = p + 1; q < m; q++) s -= a[p][q] * x[free[q]];
      x[free[p]] = s / a[p][p];
    }
    if (x.some((v, i) => v < lo[i] - 1e-12 || v > hi[i] + 1e-12)) continue;
    const val = objective(g, c, x, n);
    if (val < bestVal) { bestVal = val; best = x; }
  }
  return best;
}

function randomProblem(seed: number, n: number) {
  const rng = createRng(seed);
  const rows = n + 3;
  const a = Array.from({ length: rows * n }, () => normal(rng));
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = i === j ? 0.05 : 0;
    for (let r = 0; r < rows; r++) s += a[r * n + i] * a[r * n + j];
    g[i * n + j] = s;
  }
  const c = new Float64Array(n).map(() => 3 * normal(rng));
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const kind = Math.floor(rng.next() * 4);
    lo[i] = kind === 0 ? -Infinity : kind === 1 ? 0 : -Infinity;
    hi[i] = kind === 2 ? 0 : kind === 3 ? 0.5 : Infinity;
    if (kind === 3) lo[i] = -0.5;
  }
  return { g, c, lo, hi };
}

test('box QP: the doc example', () => {
  const r = solveBoxQp(new Float64Array([1, 0, 0, 1]), new Float64Array([1, -1]), new Float64Array([0, 0]),
    new Float64Array([Infinity, Infinity]), 2);
  assert.deepEqual(Array.from(r.x), [1, 0]);
  assert.deepEqual(Array.from(r.active), [0, -1]);
});

test('box QP: unconstrained problem gives the plain solution of G x = c', () => {
  const g = new Float64Array([4, 1, 1, 3]);
  const c = new Float64Array([1, 2]);
  const r = solveBoxQp(g, c, new Float64Array([-Infinity, -Infinity]), new Float64Array([Infinity, Infinity]), 2);
  // Closed form: [1/11, 7/11].
  assert.ok(Math.abs(r.x[0] - 1 / 11) < 1e-14);
  assert.ok(Math.abs(r.x[1] - 7 / 11) < 1e-14);
});

test('box QP: matches brute-force enumeration of faces on 300 random problems', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const n = 1 + (seed % 6);
    const { g, c, lo, hi } = randomProblem(seed, n);
    const r = solveBoxQp(g, c, lo, hi, n);
    const ref = bruteForce(g, c, lo, hi, n);
    for (let i = 0; i < n; i++) {
      assert.ok(r.x[i] >= lo[i] - 1e-12 && r.x[i] <= hi[i] + 1e-12, `seed ${seed}: bound ${i}`);
      assert.ok(Math.abs(r.x[i] - ref[i]) < 1e-8 * (1 + Math.abs(ref[i])), `seed ${seed}: x[${i}] ${r.x[i]} vs ${ref[i]}`);
    }
  }
});

test('box QP: KKT conditions hold at the solution', () => {
  for (let seed = 500; seed < 540; seed++) {
    const n = 12;
    const { g, c, lo, hi } = randomProblem(seed, n);
    const r = solveBoxQp(g, c, lo, hi, n);
    for (let i = 0; i < n; i++) {
      let grad = -c[i];
      for (let j = 0; j < n; j++) grad += g[i * n + j] * r.x[j];
      if (r.active[i] === 0) assert.ok(Math.abs(grad) < 1e-8 * (1 + Math.abs(c[i])), `free gradient ${grad}`);
      if (r.active[i] === -1) assert.ok(grad > -1e-9 && r.x[i] === lo[i]);
      if (r.active[i] === 1) assert.ok(grad < 1e-9 && r.x[i] === hi[i]);
    }
  }
});

test('box QP: refuses a matrix that is not positive definite', () => {
  assert.throws(() => solveBoxQp(new Float64Array([0, 0, 0, 1]), new Float64Array([1, 1]),
    new Float64Array([-Infinity, -Infinity]), new Float64Array([Infinity, Infinity]), 2));
});
