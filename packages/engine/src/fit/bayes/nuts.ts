/**
 * The No-U-Turn Sampler (NUTS): Hamiltonian Monte Carlo that picks its own trajectory length.
 *
 * Each iteration is one NUTS transition (nuts-trajectory.ts): a fresh momentum p ~ N(0, M), a leapfrog
 * trajectory for H(q, p) = −log p(q) + ½ pᵀM⁻¹p (inverse metric M⁻¹ diagonal or dense: hmc-metric.ts)
 * grown by repeated doubling (Hoffman & Gelman 2014, "The No-U-Turn Sampler", JMLR 15, section 3) until
 * it makes a U-turn (the generalised criterion of Betancourt 2017, "A Conceptual Introduction to
 * Hamiltonian Monte Carlo", arXiv:1701.02434, appendix A.4.2), diverges (log p not finite or energy
 * error > 1000) or reaches the maximum tree depth (at most 2^maxDepth − 1 leapfrog steps), and the next
 * state drawn from it with probability proportional to exp(−H) (multinomial sampling, Betancourt 2017,
 * appendix A.3).
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
import { createNutsTrajectory, newPhaseState, type LogDensityWithGradient } from './nuts-trajectory.ts';

export type { LogDensityWithGradient } from './nuts-trajectory.ts';

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


const LOG_HALF = -Math.LN2;

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
  const steps = nutsSteps(logp, x0, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * nuts, awaiting `pause` after every iteration so a chain in the calling thread lets the event loop
 * turn (createPause); the draws are identical.
 * @example await nutsAsync(logp, [0, 0], { warmup: 500, draws: 1000, rng: createRng(1) }, createPause())
 */
export async function nutsAsync(logp: LogDensityWithGradient, x0: ArrayLike<number>, options: NutsOptions, pause: () => Promise<void>): Promise<NutsResult> {
  const steps = nutsSteps(logp, x0, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}

/** The sampler of nuts as a generator that stops (yields) after every iteration. */
function* nutsSteps(logp: LogDensityWithGradient, x0: ArrayLike<number>, options: NutsOptions): Generator<void, NutsResult, void> {
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
  const nGradients = 1; // log p(x0); the trajectory counts the rest
  if (!Number.isFinite(cur.logp)) throw new EngineError('INVALID_ARGUMENT', `log density at x0 is not finite (${cur.logp})`);
  for (let i = 0; i < dim; i++) {
    if (!Number.isFinite(cur.grad[i])) throw new EngineError('INVALID_ARGUMENT', `gradient at x0 is not finite (component ${i}: ${cur.grad[i]})`);
  }

  const trajectory = createNutsTrajectory(logp, dim, maxDepth, metric, rng);
  const { leapfrog, energy } = trajectory;
  const trialState = newPhaseState(dim);
  const trialP0 = new Float64Array(dim);

  /**
   * Step-size heuristic of Hoffman & Gelman (2014, Algorithm 4): from the current state with one fresh
   * momentum, double (or halve) ε while the one-step acceptance exp(H₀ − H) stays above (below) 1/2,
   * returning the first ε that crosses. Capped at 60 doublings/halvings.
   */
  const findStepSize = (start: number): number => {
    metric.sampleMomentum(rng, trialP0);
    const hStart = -cur.logp + metric.kinetic(trialP0);
    const logAcceptAt = (eps: number): number => {
      trialState.q.set(cur.q);
      trialState.p.set(trialP0);
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
    const depth = trajectory.transition(cur, stepSize);
    const accept = trajectory.acceptStat;
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
      divergent[k] = trajectory.diverged ? 1 : 0;
      treeDepth[k] = depth;
      acceptStat[k] = accept;
    }
    options.onProgress?.(it + 1, total);
    yield;
  }

  return {
    dim, nDraws, draws, logDensity, divergent, treeDepth, acceptStat,
    stepSize, invMass: metric.invMassDiagonal(), nGradients: nGradients + trajectory.nGradients, metric: metricKind,
    ...(metricKind === 'dense' ? { invMassMatrix: metric.invMassMatrix() } : {}),
  };
}
