/**
 * Exact solver for small box-constrained convex quadratic programs:
 *
 *   minimise ½ bᵀ G b − cᵀ b   subject to  lower ≤ b ≤ upper,
 *
 * with G symmetric positive definite ([n × n], row-major) and bounds that may be ±Infinity.
 * This is how the ridge regression enforces media coefficients ≥ 0 and the signs of controls: a real
 * bounded least-squares solve, not clipping of an unconstrained solution.
 *
 * Method: primal active-set (the bounded-variable generalisation of Lawson & Hanson 1974, ch. 23, as in
 * Stark & Parker 1995 "Bounded-variable least-squares"). Keep a set of variables fixed at a bound; solve
 * the equality-constrained problem on the free set; if that point leaves the box, step to the first bound
 * it crosses and fix that variable; otherwise free the fixed variable whose multiplier has the wrong sign
 * (the most negative). Each free-set solve uses a Cholesky factor of the free block of G. Finite
 * termination for strictly convex problems; an iteration cap guards against cycling from round-off.
 */
import { EngineError } from '../../errors.ts';

export interface BoxQpResult {
  /** Solution b, length n. */
  readonly x: Float64Array;
  /** Per variable: 0 free, −1 at lower bound, +1 at upper bound. */
  readonly active: Int8Array;
  readonly iterations: number;
}

/** Reusable scratch space so the hyperparameter search allocates nothing per candidate. */
export interface BoxQpWorkspace {
  readonly n: number;
  readonly l: Float64Array;
  readonly rhs: Float64Array;
  readonly sol: Float64Array;
  readonly free: Int32Array;
  readonly grad: Float64Array;
}

/**
 * Scratch space for solveBoxQp on problems of n variables: the Cholesky factor, right-hand side,
 * solution, free set and gradient buffers, so repeated solves (one per search candidate) allocate nothing.
 * @param n number of variables (integer ≥ 0)
 * @returns a workspace for solveBoxQp(…, ws) with the same n
 * @example const ws = createBoxQpWorkspace(3); solveBoxQp(g, c, lower, upper, 3, ws).x // reuses ws
 */
export function createBoxQpWorkspace(n: number): BoxQpWorkspace {
  return {
    n,
    l: new Float64Array(n * n),
    rhs: new Float64Array(n),
    sol: new Float64Array(n),
    free: new Int32Array(n),
    grad: new Float64Array(n),
  };
}

/**
 * Solve the box-constrained QP described above.
 * @param g [n × n] symmetric positive definite
 * @param c [n] linear term
 * @param lower [n] lower bounds (may be −Infinity)
 * @param upper [n] upper bounds (may be +Infinity)
 * @param ws optional workspace from createBoxQpWorkspace(n)
 * @param out optional output vector [n]
 * @throws Error when G is not positive definite on a free block
 * @example
 * // minimise ½(b0² + b1²) − (1·b0 − 1·b1) with b ≥ 0  →  b = [1, 0]
 * solveBoxQp(new Float64Array([1,0,0,1]), new Float64Array([1,-1]), new Float64Array([0,0]),
 *   new Float64Array([Infinity, Infinity]), 2).x // Float64Array [1, 0]
 */
export function solveBoxQp(
  g: Float64Array,
  c: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  n: number,
  ws: BoxQpWorkspace = createBoxQpWorkspace(n),
  out: Float64Array = new Float64Array(n),
): BoxQpResult {
  const x = out;
  const active = new Int8Array(n);
  // Start from the all-free solution projected onto the box: usually close to optimal.
  for (let i = 0; i < n; i++) active[i] = 0;
  if (!solveFree(g, c, x, active, n, ws)) throw new EngineError('NOT_POSITIVE_DEFINITE', 'box QP: the matrix is not positive definite');
  for (let i = 0; i < n; i++) {
    const s = ws.sol[i];
    if (s < lower[i]) { x[i] = lower[i]; active[i] = -1; }
    else if (s > upper[i]) { x[i] = upper[i]; active[i] = 1; }
    else x[i] = s;
  }
  const maxIter = 10 * n + 20;
  let iter = 0;
  for (; iter < maxIter; iter++) {
    // Solve on the current free set with fixed variables held at their bounds.
    if (!solveFree(g, c, x, active, n, ws)) throw new EngineError('NOT_POSITIVE_DEFINITE', 'box QP: the matrix is not positive definite');
    const sol = ws.sol;
    // Largest step t ∈ [0,1] along x → sol that stays feasible.
    let t = 1;
    let hit = -1;
    for (let i = 0; i < n; i++) {
      if (active[i] !== 0) continue;
      const d = sol[i] - x[i];
      if (d < 0 && sol[i] < lower[i]) {
        const ti = (lower[i] - x[i]) / d;
        if (ti < t) { t = ti; hit = i; }
      } else if (d > 0 && sol[i] > upper[i]) {
        const ti = (upper[i] - x[i]) / d;
        if (ti < t) { t = ti; hit = i; }
      }
    }
    if (hit >= 0) {
      if (t < 0) t = 0;
      for (let i = 0; i < n; i++) if (active[i] === 0) x[i] += t * (sol[i] - x[i]);
      x[hit] = sol[hit] < lower[hit] ? lower[hit] : upper[hit];
      active[hit] = sol[hit] < lower[hit] ? -1 : 1;
      continue;
    }
    for (let i = 0; i < n; i++) if (active[i] === 0) x[i] = sol[i];
    // KKT: gradient G x − c must point out of the box at every fixed variable.
    const grad = ws.grad;
    let worst = -1;
    let worstVal = 0;
    for (let i = 0; i < n; i++) {
      if (active[i] === 0) continue;
      let s = -c[i];
      const row = i * n;
      for (let j = 0; j < n; j++) s += g[row + j] * x[j];
      grad[i] = s;
      // At a lower bound the optimum needs grad ≥ 0; at an upper bound grad ≤ 0.
      const violation = active[i] === -1 ? -s : s;
      const tol = 1e-12 * (1 + Math.abs(c[i]));
      if (violation > tol && violation > worstVal) { worstVal = violation; worst = i; }
    }
    if (worst < 0) break;
    active[worst] = 0;
  }
  return { x, active, iterations: iter };
}

/**
 * Solve G_FF s_F = c_F − G_FA x_A for the free set F; writes ws.sol (fixed entries copied from x).
 * Returns false if the free block is not positive definite.
 */
function solveFree(g: Float64Array, c: Float64Array, x: Float64Array, active: Int8Array, n: number, ws: BoxQpWorkspace): boolean {
  const { l, rhs, sol, free } = ws;
  let m = 0;
  for (let i = 0; i < n; i++) if (active[i] === 0) free[m++] = i;
  for (let a = 0; a < m; a++) {
    const i = free[a];
    let s = c[i];
    const row = i * n;
    for (let j = 0; j < n; j++) if (active[j] !== 0) s -= g[row + j] * x[j];
    rhs[a] = s;
  }
  // Cholesky of the free block, in the top-left m × m of l (row stride m).
  for (let a = 0; a < m; a++) {
    const ra = free[a] * n;
    for (let b = 0; b <= a; b++) {
      let s = g[ra + free[b]];
      for (let k = 0; k < b; k++) s -= l[a * m + k] * l[b * m + k];
      if (a === b) {
        if (!(s > 0)) return false;
        l[a * m + a] = Math.sqrt(s);
      } else {
        l[a * m + b] = s / l[b * m + b];
      }
    }
  }
  // Forward then back substitution.
  for (let a = 0; a < m; a++) {
    let s = rhs[a];
    for (let k = 0; k < a; k++) s -= l[a * m + k] * rhs[k];
    rhs[a] = s / l[a * m + a];
  }
  for (let a = m - 1; a >= 0; a--) {
    let s = rhs[a];
    for (let k = a + 1; k < m; k++) s -= l[k * m + a] * rhs[k];
    rhs[a] = s / l[a * m + a];
  }
  for (let i = 0; i < n; i++) sol[i] = x[i];
  for (let a = 0; a < m; a++) sol[free[a]] = rhs[a];
  return true;
}
