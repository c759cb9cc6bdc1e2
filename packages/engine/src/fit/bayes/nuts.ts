/**
 * The No-U-Turn Sampler (NUTS): Hamiltonian Monte Carlo that picks its own trajectory length.
 *
 * Each iteration draws a momentum p ~ N(0, M) and integrates Hamilton's equations for H(q, p) =
 * −log p(q) + ½ pᵀM⁻¹p with the leapfrog scheme (inverse metric M⁻¹ diagonal or dense: hmc-metric.ts),
 * growing the trajectory by repeated doubling (Hoffman & Gelman 2014, "The No-U-Turn Sampler", JMLR 15,
 * section 3): at each doubling a direction (backwards or forwards in time) is chosen at random and a new
 * balanced binary subtree as long as the whole current trajectory is built from that end. Doubling stops
 * when
 *
 * - the trajectory makes a U-turn, judged by the generalised no-U-turn criterion of Betancourt (2017,
 *   "A Conceptual Introduction to Hamiltonian Monte Carlo", arXiv:1701.02434, appendix A.4.2): with
 *   ρ the sum of the momenta of all states of a (sub)trajectory and p♯ = M⁻¹p the velocities at its two
 *   ends, it continues while p♯₋·ρ > 0 and p♯₊·ρ > 0. The criterion is applied to every subtree built
 *   during doubling, to the whole trajectory after each doubling, and — because two halves that
 *   each pass can still hide a U-turn across their join — also to each merged pair with one extra state
 *   borrowed across the join: (left subtree + first state of the right one) and (last state of the left
 *   one + right subtree);
 * - the trajectory diverges: a leapfrog step reaches a point where log p is not finite or the energy
 *   error H − H₀ exceeds 1000 (the offending subtree is discarded);
 * - the maximum tree depth is reached (at most 2^maxDepth − 1 leapfrog steps).
 *
 * The next state is drawn from the trajectory with probability proportional to exp(−H) — multinomial
 * sampling (Betancourt 2017, appendix A.3). Inside a subtree the two halves are merged by plain
 * multinomial (uniform-progressive) sampling; when a new subtree is joined to the existing trajectory
 * its sample replaces the current one with probability min(1, W_new/W_old), the biased progressive
 * sampling of Betancourt (2017, A.3.2), which favours moving away from the start.
 *
 * Warmup adapts the step size by dual averaging (Hoffman & Gelman 2014, section 3.2; see
 * step-size-adaptation.ts) towards the target acceptance statistic, and — when warmup ≥ 150 — the metric
 * in Stan-style windows (Stan Reference Manual; regularised variances, mass-matrix-adaptation.ts, or
 * covariance, dense-metric-adaptation.ts). After each metric update the step-size heuristic is rerun
 * from the current step size and dual averaging restarts with μ = log(10 ε). The step size used for the
 * kept draws is the dual-averaging iterate average exp(x̄). With warmup < 150 the metric stays at
 * `initialInvMass` and only the step size adapts, for the whole warmup.
 *
 * Deterministic: all randomness comes from the supplied seeded Rng.
 */
import { EngineError } from '../../errors.ts';
import type { Rng } from '../../random/rng.ts';
import { createDualAveraging } from './step-size-adaptation.ts';
import { createMetric, type MetricKind } from './hmc-metric.ts';

/** Fills grad (length dim) with ∇ log p(x) and returns log p(x) (may return -Infinity; then grad is ignored). */
export type LogDensityWithGradient = (x: Float64Array, grad: Float64Array) => number;

/** Options of {@link nuts}. */
export interface NutsOptions {
  /** Adaptation iterations (discarded), integer ≥ 0. */
  readonly warmup: number;
  /** Kept iterations, integer ≥ 1. */
  readonly draws: number;
  readonly rng: Rng;
  /** Maximum number of trajectory doublings, integer in [1, 30]; default 10. */
  readonly maxDepth?: number;
  /** Target mean acceptance statistic for dual averaging, in (0, 1); default 0.8. */
  readonly targetAccept?: number;
  /** Starting step size; default: found by the Hoffman–Gelman heuristic (double/halve until acceptance crosses 0.5). */
  readonly initialStepSize?: number;
  /** Starting inverse diagonal metric [dim], all positive; default all 1 (dense: Σ = diag of it). */
  readonly initialInvMass?: ArrayLike<number>;
  /**
   * Metric adapted in warmup: 'diag' (default; Stan's diag_e) or 'dense' (Stan's dense_e, a full
   * covariance; worth its O(dim²) leapfrog cost when the coordinates are strongly correlated).
   */
  readonly metric?: MetricKind;
  /** Called every iteration with (done, total = warmup + draws); may throw to cancel. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Output of {@link nuts}: the kept draws with per-draw diagnostics and the adapted tuning. */
export interface NutsResult {
  readonly dim: number;
  readonly nDraws: number;
  /** Row-major [nDraws × dim], post-warmup positions. */
  readonly draws: Float64Array;
  /** log p of each draw [nDraws]. */
  readonly logDensity: Float64Array;
  /** [nDraws] 1 when the trajectory diverged (non-finite log p or energy error > 1000). */
  readonly divergent: Uint8Array;
  /** [nDraws] number of doublings attempted (the trajectory has at most 2^depth − 1 leapfrog steps). */
  readonly treeDepth: Uint8Array;
  /** [nDraws] mean Metropolis acceptance min(1, exp(H₀ − H)) over all leapfrog steps of the trajectory. */
  readonly acceptStat: Float64Array;
  /** Adapted step size used for the draws. */
  readonly stepSize: number;
  /** [dim] adapted inverse diagonal metric (dense: the diagonal of Σ). */
  readonly invMass: Float64Array;
  /** The metric kind used. */
  readonly metric: MetricKind;
  /** Dense metric only (absent for 'diag'): the adapted inverse metric Σ, row-major [dim × dim]. */
  readonly invMassMatrix?: Float64Array;
  /** Total gradient evaluations (warmup and step-size search included). */
  readonly nGradients: number;
}

/** Energy error beyond which a leapfrog step counts as divergent. */
const MAX_ENERGY_ERROR = 1000;
const LOG_HALF = -Math.LN2;

/** A point in phase space (the integrator state at one end of the trajectory). */
interface PhaseState {
  readonly q: Float64Array;
  readonly p: Float64Array;
  readonly grad: Float64Array;
  logp: number;
}

/** Summary of a subtree, in build order (first = the state nearest to where it was grown from). */
interface Subtree {
  /** Sum of the momenta of all states. */
  readonly rho: Float64Array;
  readonly pFirst: Float64Array;
  readonly pLast: Float64Array;
  /** The multinomially selected state. */
  readonly q: Float64Array;
  readonly grad: Float64Array;
  logp: number;
  /** log Σ exp(H₀ − H) over the states. */
  logSumW: number;
}

function newPhaseState(dim: number): PhaseState {
  return { q: new Float64Array(dim), p: new Float64Array(dim), grad: new Float64Array(dim), logp: 0 };
}

function newSubtree(dim: number): Subtree {
  return {
    rho: new Float64Array(dim), pFirst: new Float64Array(dim), pLast: new Float64Array(dim),
    q: new Float64Array(dim), grad: new Float64Array(dim), logp: 0, logSumW: 0,
  };
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

function checkInteger(name: string, v: number, lo: number, hi: number): void {
  if (!(Number.isInteger(v) && v >= lo && v <= hi)) {
    throw new EngineError('INVALID_ARGUMENT', `${name} must be an integer in [${lo}, ${hi}], got ${v}`);
  }
}

/**
 * Draw from a differentiable density with the multinomial No-U-Turn Sampler (Hoffman & Gelman 2014,
 * JMLR 15; multinomial sampling and the generalised no-U-turn criterion of Betancourt 2017,
 * arXiv:1701.02434), adapting the step size (dual averaging) and, when warmup ≥ 150, a diagonal or dense
 * metric (Stan Reference Manual windowed adaptation) during warmup. See the module comment for details.
 *
 * The `x` and `grad` arrays passed to `logp` are internal buffers: read `x` and fill `grad`, but do not
 * keep references to them.
 * @param logp log density (up to a constant) that also fills its gradient; may return −Infinity
 *   outside the support
 * @param x0 starting position [dim], finite, with finite log density and gradient
 * @param options warmup and draw counts, seeded rng, max depth, target acceptance, initial step size
 *   and inverse metric, metric kind, progress callback
 * @returns draws [nDraws × dim] with per-draw log density, divergence flag, tree depth and acceptance
 *   statistic, plus the adapted step size, metric kind and inverse metric (dense: also the full
 *   matrix) and the gradient count
 * @throws EngineError INVALID_ARGUMENT when warmup < 0, draws < 1, maxDepth ∉ [1, 30], targetAccept ∉
 *   (0, 1), initialStepSize is not positive and finite, initialInvMass has the wrong length or a
 *   non-positive entry, metric is neither 'diag' nor 'dense', x0 is empty or not finite, or log p(x0)
 *   or its gradient is not finite; rethrows whatever `logp` or `onProgress` throws
 * @example
 * // Standard normal in 2-D
 * const logp = (x: Float64Array, g: Float64Array) => { g[0] = -x[0]; g[1] = -x[1]; return -0.5 * (x[0] ** 2 + x[1] ** 2); };
 * const res = nuts(logp, [0, 0], { warmup: 500, draws: 1000, rng: createRng(1) });
 * res.draws; // 1000 × 2 values with mean ≈ 0 and sd ≈ 1
 */
export function nuts(logp: LogDensityWithGradient, x0: ArrayLike<number>, options: NutsOptions): NutsResult {
  const dim = x0.length;
  const { warmup, draws: nDraws, rng } = options;
  const maxDepth = options.maxDepth ?? 10;
  const targetAccept = options.targetAccept ?? 0.8;
  if (dim < 1) throw new EngineError('INVALID_ARGUMENT', 'x0 must have at least one coordinate');
  checkInteger('warmup', warmup, 0, Number.MAX_SAFE_INTEGER);
  checkInteger('draws', nDraws, 1, Number.MAX_SAFE_INTEGER);
  checkInteger('maxDepth', maxDepth, 1, 30);
  if (!(targetAccept > 0 && targetAccept < 1)) throw new EngineError('INVALID_ARGUMENT', `targetAccept must be in (0, 1), got ${targetAccept}`);
  if (options.initialStepSize !== undefined && !(options.initialStepSize > 0 && Number.isFinite(options.initialStepSize))) {
    throw new EngineError('INVALID_ARGUMENT', `initialStepSize must be a positive finite number, got ${options.initialStepSize}`);
  }
  const metricKind = options.metric ?? 'diag';
  const { metric, adapter, estimate } = createMetric(metricKind, dim, warmup, options.initialInvMass);

  // Current state of the chain.
  const cur = { q: new Float64Array(dim), grad: new Float64Array(dim), logp: 0 };
  for (let i = 0; i < dim; i++) {
    const v = x0[i];
    if (!Number.isFinite(v)) throw new EngineError('INVALID_ARGUMENT', `x0[${i}] is not finite (${v})`);
    cur.q[i] = v;
  }
  cur.logp = logp(cur.q, cur.grad);
  let nGradients = 1;
  if (!Number.isFinite(cur.logp)) throw new EngineError('INVALID_ARGUMENT', `log density at x0 is not finite (${cur.logp})`);
  for (let i = 0; i < dim; i++) {
    if (!Number.isFinite(cur.grad[i])) throw new EngineError('INVALID_ARGUMENT', `gradient at x0 is not finite (component ${i}: ${cur.grad[i]})`);
  }

  // Preallocated trajectory buffers: the two integrator frontiers, the subtree being added at the
  // top level, and one scratch subtree per depth for the right halves built inside buildTree.
  const minus = newPhaseState(dim);
  const plus = newPhaseState(dim);
  const trialState = newPhaseState(dim);
  const p0 = new Float64Array(dim);
  const trajRho = new Float64Array(dim);
  const pNear = new Float64Array(dim);
  const rhoSum = new Float64Array(dim);
  const rhoSharp = new Float64Array(dim);
  const newTree = newSubtree(dim);
  const scratch: Subtree[] = [];
  for (let d = 0; d < maxDepth; d++) scratch.push(newSubtree(dim));

  // Per-transition accumulators, written by the leaves.
  let h0 = 0;
  let sumAccept = 0;
  let nLeaves = 0;
  let divergedFlag = false;

  /** One leapfrog step of (signed) size eps, in place; leaves s.logp = log p at the new position. */
  const leapfrog = (s: PhaseState, eps: number): void => {
    const half = 0.5 * eps;
    const { q, p, grad } = s;
    for (let i = 0; i < dim; i++) p[i] += half * grad[i];
    metric.drift(q, p, eps);
    const lp = logp(q, grad);
    nGradients++;
    s.logp = lp;
    if (lp > -Infinity && lp < Infinity) {
      for (let i = 0; i < dim; i++) p[i] += half * grad[i];
    }
  };

  /**
   * Energy H = −log p + K at a phase state; +Infinity when log p is not finite, NaN passes through so
   * that the caller's `!(H − H₀ <= limit)` test flags it.
   */
  const energy = (s: PhaseState): number => (s.logp > -Infinity && s.logp < Infinity ? -s.logp + metric.kinetic(s.p) : Infinity);

  /**
   * Generalised no-U-turn criterion (Betancourt 2017, A.4.2) for a trajectory with summed momentum
   * ρ = rhoA + rhoB and end momenta pA, pB: true while both end velocities M⁻¹p point along ρ, computed
   * as (M⁻¹ρ)·p (M⁻¹ is symmetric).
   */
  const noUTurn = (pA: Float64Array, pB: Float64Array, rhoA: Float64Array, rhoB: Float64Array): boolean => {
    for (let i = 0; i < dim; i++) rhoSum[i] = rhoA[i] + rhoB[i];
    metric.velocity(rhoSum, rhoSharp);
    let a = 0, b = 0;
    for (let i = 0; i < dim; i++) { a += rhoSharp[i] * pA[i]; b += rhoSharp[i] * pB[i]; }
    return a > 0 && b > 0;
  };

  /**
   * Grow a balanced subtree of 2^depth leapfrog steps from `front` (advanced in place) with signed step
   * `eps`, writing its summary into `out`. Returns false when the subtree diverged or contains a U-turn
   * (the caller then discards it and stops doubling). Recursion depth ≤ maxDepth; no allocation.
   */
  const buildTree = (depth: number, out: Subtree, front: PhaseState, eps: number): boolean => {
    if (depth === 0) {
      leapfrog(front, eps);
      nLeaves++;
      const dH = energy(front) - h0;
      if (!(dH <= MAX_ENERGY_ERROR)) {
        divergedFlag = true; // acceptance contribution exp(−dH) ≈ 0
        return false;
      }
      sumAccept += dH > 0 ? Math.exp(-dH) : 1;
      out.rho.set(front.p);
      out.pFirst.set(front.p);
      out.pLast.set(front.p);
      out.q.set(front.q);
      out.grad.set(front.grad);
      out.logp = front.logp;
      out.logSumW = -dH;
      return true;
    }
    // Left half straight into `out`, right half into this depth's scratch subtree.
    if (!buildTree(depth - 1, out, front, eps)) return false;
    const right = scratch[depth - 1];
    if (!buildTree(depth - 1, right, front, eps)) return false;
    // Multinomial merge inside the subtree: take the right half's sample with probability W_R / (W_L + W_R).
    const logSumW = logAddExp(out.logSumW, right.logSumW);
    if (rng.next() < Math.exp(right.logSumW - logSumW)) {
      out.q.set(right.q);
      out.grad.set(right.grad);
      out.logp = right.logp;
    }
    out.logSumW = logSumW;
    // U-turn over the merged subtree, then across the join (only informative when each half has ≥ 2 states).
    let ok = noUTurn(out.pFirst, right.pLast, out.rho, right.rho);
    if (ok && depth > 1) {
      ok = noUTurn(out.pFirst, right.pFirst, out.rho, right.pFirst) && noUTurn(out.pLast, right.pLast, out.pLast, right.rho);
    }
    const rho = out.rho;
    const rr = right.rho;
    for (let i = 0; i < dim; i++) rho[i] += rr[i];
    out.pLast.set(right.pLast);
    return ok;
  };

  const resetFrontier = (s: PhaseState): void => {
    s.q.set(cur.q);
    s.p.set(p0);
    s.grad.set(cur.grad);
    s.logp = cur.logp;
  };

  /** One NUTS transition from `cur` with step size eps; returns the tree depth. */
  const transition = (eps: number): number => {
    metric.sampleMomentum(rng, p0);
    h0 = -cur.logp + metric.kinetic(p0);
    resetFrontier(minus);
    resetFrontier(plus);
    trajRho.set(p0);
    let trajLogSumW = 0; // the initial state has weight exp(H₀ − H₀) = 1
    sumAccept = 0;
    nLeaves = 0;
    divergedFlag = false;
    let depth = 0;
    while (depth < maxDepth) {
      const forward = rng.next() < 0.5;
      const front = forward ? plus : minus;
      const far = forward ? minus : plus;
      pNear.set(front.p);
      depth++;
      if (!buildTree(depth - 1, newTree, front, forward ? eps : -eps)) break;
      // Biased progressive sampling (Betancourt 2017, A.3.2): jump to the new subtree's sample with
      // probability min(1, W_new / W_old).
      const logRatio = newTree.logSumW - trajLogSumW;
      if (logRatio >= 0 || rng.next() < Math.exp(logRatio)) {
        cur.q.set(newTree.q);
        cur.grad.set(newTree.grad);
        cur.logp = newTree.logp;
      }
      trajLogSumW = logAddExp(trajLogSumW, newTree.logSumW);
      // U-turn over the whole trajectory (ends `far` and `front`), then across the join between the old
      // trajectory (its near end is pNear) and the new subtree.
      let ok = noUTurn(far.p, front.p, trajRho, newTree.rho);
      if (ok && depth > 1) {
        ok = noUTurn(far.p, newTree.pFirst, trajRho, newTree.pFirst) && noUTurn(pNear, front.p, pNear, newTree.rho);
      }
      for (let i = 0; i < dim; i++) trajRho[i] += newTree.rho[i];
      if (!ok) break;
    }
    return depth;
  };

  /**
   * Step-size heuristic of Hoffman & Gelman (2014, Algorithm 4): from the current state with one fresh
   * momentum, double (or halve) ε while the one-step acceptance exp(H₀ − H) stays above (below) 1/2,
   * returning the first ε that crosses. Capped at 60 doublings/halvings.
   */
  const findStepSize = (start: number): number => {
    metric.sampleMomentum(rng, p0);
    const hStart = -cur.logp + metric.kinetic(p0);
    const logAcceptAt = (eps: number): number => {
      trialState.q.set(cur.q);
      trialState.p.set(p0);
      trialState.grad.set(cur.grad);
      leapfrog(trialState, eps);
      const d = hStart - energy(trialState);
      return d === d ? d : -Infinity; // NaN → reject
    };
    let eps = start;
    let logA = logAcceptAt(eps);
    const up = logA > LOG_HALF;
    for (let k = 0; k < 60 && (up ? logA > LOG_HALF : logA <= LOG_HALF); k++) {
      eps = up ? eps * 2 : eps / 2;
      logA = logAcceptAt(eps);
    }
    return eps;
  };

  let stepSize = options.initialStepSize ?? findStepSize(1);
  const dual = createDualAveraging(stepSize, { targetAccept });

  const draws = new Float64Array(nDraws * dim);
  const logDensity = new Float64Array(nDraws);
  const divergent = new Uint8Array(nDraws);
  const treeDepth = new Uint8Array(nDraws);
  const acceptStat = new Float64Array(nDraws);
  const total = warmup + nDraws;

  for (let it = 0; it < total; it++) {
    const depth = transition(stepSize);
    const accept = sumAccept / nLeaves;
    if (it < warmup) {
      stepSize = dual.update(accept);
      if (adapter.observe(it, cur.q, estimate)) {
        metric.update(estimate); // keeps the old metric if the estimate is unusable (e.g. positions overflowed)
        stepSize = findStepSize(stepSize);
        dual.restart(stepSize);
      }
      if (it === warmup - 1) stepSize = dual.adaptedStepSize;
    } else {
      const k = it - warmup;
      draws.set(cur.q, k * dim);
      logDensity[k] = cur.logp;
      divergent[k] = divergedFlag ? 1 : 0;
      treeDepth[k] = depth;
      acceptStat[k] = accept;
    }
    options.onProgress?.(it + 1, total);
  }

  return {
    dim, nDraws, draws, logDensity, divergent, treeDepth, acceptStat,
    stepSize, invMass: metric.invMassDiagonal(), nGradients, metric: metricKind,
    ...(metricKind === 'dense' ? { invMassMatrix: metric.invMassMatrix() } : {}),
  };
}
