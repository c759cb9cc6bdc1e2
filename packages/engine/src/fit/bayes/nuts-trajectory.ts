/**
 * One NUTS transition: the trajectory that the No-U-Turn Sampler (nuts.ts) builds from the current
 * state, and the state it draws from it.
 *
 * A fresh momentum p ~ N(0, M) is drawn and Hamilton's equations for H(q, p) = −log p(q) + ½ pᵀM⁻¹p are
 * integrated with the leapfrog scheme (inverse metric M⁻¹: hmc-metric.ts). The trajectory grows by
 * repeated doubling (Hoffman & Gelman 2014, "The No-U-Turn Sampler", JMLR 15, section 3): at each
 * doubling a direction is chosen at random and a balanced binary subtree as long as the whole current
 * trajectory is built from that end. Doubling stops on a U-turn (the generalised criterion of Betancourt
 * 2017, arXiv:1701.02434, appendix A.4.2, applied to every subtree, to the whole trajectory, and across
 * each join with one state borrowed from the other side), on a divergence (log p not finite or energy
 * error H − H₀ > 1000; the offending subtree is discarded), or at the maximum depth.
 *
 * The next state is drawn with probability proportional to exp(−H): plain multinomial merges inside a
 * subtree, biased progressive sampling (Betancourt 2017, A.3.2) when a subtree joins the trajectory.
 *
 * Preallocated buffers, no allocation per transition; all randomness from the supplied Rng.
 */
import type { Rng } from '../../random/rng.ts';
import type { HmcMetric } from './hmc-metric.ts';

/** Fills grad (length dim) with ∇ log p(x) and returns log p(x) (may return -Infinity; then grad is ignored). */
export type LogDensityWithGradient = (x: Float64Array, grad: Float64Array) => number;

/** Energy error beyond which a leapfrog step counts as divergent. */
const MAX_ENERGY_ERROR = 1000;

/** A point in phase space (the integrator state at one end of the trajectory). */
export interface PhaseState {
  readonly q: Float64Array;
  readonly p: Float64Array;
  readonly grad: Float64Array;
  logp: number;
}

/** The chain's current position with its gradient and log density. */
export interface ChainState {
  readonly q: Float64Array;
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

/** A zeroed phase state of dimension dim. */
export function newPhaseState(dim: number): PhaseState {
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

/** The NUTS transition kernel of {@link createNutsTrajectory}, with the last transition's statistics. */
export interface NutsTrajectory {
  /** One NUTS transition from `cur` (replaced in place by the drawn state) with step size eps; returns the tree depth. */
  transition(cur: ChainState, eps: number): number;
  /** One leapfrog step of (signed) size eps, in place; leaves s.logp = log p at the new position. */
  leapfrog(s: PhaseState, eps: number): void;
  /** Energy H = −log p + K at a phase state; +Infinity when log p is not finite (NaN passes through). */
  energy(s: PhaseState): number;
  /** Mean acceptance min(1, exp(H₀ − H)) over the leapfrog steps of the last transition. */
  readonly acceptStat: number;
  /** Whether the last transition diverged. */
  readonly diverged: boolean;
  /** Gradient evaluations so far (every leapfrog step, including those of callers). */
  readonly nGradients: number;
}

/**
 * Create the NUTS transition kernel for a density in dim coordinates.
 * @param logp log density that also fills its gradient
 * @param dim number of coordinates, ≥ 1
 * @param maxDepth maximum number of trajectory doublings, ≥ 1
 * @param metric the (possibly adapted later) metric; read at every step
 * @param rng source of all randomness (momenta, directions, multinomial choices)
 * @returns the kernel; its statistics describe the last call of `transition`
 */
export function createNutsTrajectory(
  logp: LogDensityWithGradient, dim: number, maxDepth: number, metric: HmcMetric, rng: Rng,
): NutsTrajectory {
  // Preallocated trajectory buffers: the two integrator frontiers, the subtree being added at the
  // top level, and one scratch subtree per depth for the right halves built inside buildTree.
  const minus = newPhaseState(dim);
  const plus = newPhaseState(dim);
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
  let nGradients = 0;

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

  /** NaN passes through so that the caller's `!(H − H₀ <= limit)` test flags it. */
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

  const resetFrontier = (s: PhaseState, cur: ChainState): void => {
    s.q.set(cur.q);
    s.p.set(p0);
    s.grad.set(cur.grad);
    s.logp = cur.logp;
  };

  const transition = (cur: ChainState, eps: number): number => {
    metric.sampleMomentum(rng, p0);
    h0 = -cur.logp + metric.kinetic(p0);
    resetFrontier(minus, cur);
    resetFrontier(plus, cur);
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

  return {
    transition, leapfrog, energy,
    get acceptStat() { return sumAccept / nLeaves; },
    get diverged() { return divergedFlag; },
    get nGradients() { return nGradients; },
  };
}
