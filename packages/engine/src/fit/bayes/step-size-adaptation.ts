/**
 * Step-size adaptation for Hamiltonian Monte Carlo by Nesterov's dual averaging, in the form given by
 * Hoffman & Gelman (2014), "The No-U-Turn Sampler: Adaptively Setting Path Lengths in Hamiltonian
 * Monte Carlo", JMLR 15, section 3.2 and Algorithm 5 (equation 6).
 *
 * With target acceptance δ, observed acceptance statistic α_t at iteration t = 1, 2, …:
 *
 *   H̄_t      = (1 − 1/(t + t0)) · H̄_{t−1} + (δ − α_t) / (t + t0)
 *   log ε_t   = μ − (√t / γ) · H̄_t
 *   log ε̄_t  = t^(−κ) · log ε_t + (1 − t^(−κ)) · log ε̄_{t−1}
 *
 * with H̄_0 = 0, log ε̄_0 = 0 and μ = log(10 ε₀). ε_t is the step size used during warmup; ε̄ (the
 * iterate average) is the step size to keep once adaptation ends.
 */
import { EngineError } from '../../errors.ts';

/** Tuning constants of dual averaging; defaults are the values recommended by Hoffman & Gelman (2014). */
export interface DualAveragingOptions {
  /** Target mean acceptance statistic δ ∈ (0, 1); default 0.8. */
  readonly targetAccept?: number;
  /** Shrinkage γ towards μ; default 0.05. */
  readonly gamma?: number;
  /** Stabilising offset t0 that damps the first iterations; default 10. */
  readonly t0?: number;
  /** Decay exponent κ ∈ (0.5, 1] of the iterate average; default 0.75. */
  readonly kappa?: number;
}

/** Mutable dual-averaging state; see {@link createDualAveraging}. */
export interface DualAveraging {
  /** Step size to use for the next iteration (ε_t, or ε₀ right after a restart). */
  readonly stepSize: number;
  /** Averaged step size exp(log ε̄_t) to keep after adaptation; equals `stepSize` before any update. */
  readonly adaptedStepSize: number;
  /** Updates since the last restart (t). */
  readonly iterations: number;
  /**
   * Feed the acceptance statistic α_t ∈ [0, 1] of the iteration just run (NaN counts as 0, values are
   * clamped to [0, 1]) and return the step size for the next iteration.
   */
  update(acceptStat: number): number;
  /** Start over from step size ε₀ = `stepSize`: t = 0, H̄ = 0, log ε̄ = 0, μ = log(10 ε₀). */
  restart(stepSize: number): void;
}

function checkStepSize(stepSize: number): void {
  if (!(Number.isFinite(stepSize) && stepSize > 0)) {
    throw new EngineError('INVALID_ARGUMENT', `step size must be a positive finite number, got ${stepSize}`);
  }
}

/**
 * Create a dual-averaging step-size adapter (Hoffman & Gelman 2014, JMLR 15, Algorithm 5): each call
 * to `update(α)` moves log ε so that the long-run mean of the acceptance statistic α approaches the
 * target δ; `adaptedStepSize` is the averaged iterate exp(log ε̄) to freeze after warmup.
 * @param initialStepSize ε₀ > 0; also sets the shrinkage point μ = log(10 ε₀)
 * @param options target acceptance δ (0.8), γ (0.05), t0 (10), κ (0.75)
 * @returns the adapter state (step size, averaged step size, update and restart)
 * @throws EngineError INVALID_ARGUMENT when ε₀ is not a positive finite number, δ ∉ (0, 1),
 *   γ ≤ 0, t0 < 0 or κ ∉ (0, 1]
 * @example
 * const da = createDualAveraging(1, { targetAccept: 0.8 });
 * let eps = da.stepSize;
 * for (let i = 0; i < 1000; i++) eps = da.update(Math.exp(-eps)); // α(ε) = e^(−ε)
 * da.adaptedStepSize; // ≈ −log(0.8) ≈ 0.223
 */
export function createDualAveraging(initialStepSize: number, options: DualAveragingOptions = {}): DualAveraging {
  const delta = options.targetAccept ?? 0.8;
  const gamma = options.gamma ?? 0.05;
  const t0 = options.t0 ?? 10;
  const kappa = options.kappa ?? 0.75;
  checkStepSize(initialStepSize);
  if (!(delta > 0 && delta < 1)) throw new EngineError('INVALID_ARGUMENT', `targetAccept must be in (0, 1), got ${delta}`);
  if (!(gamma > 0 && Number.isFinite(gamma))) throw new EngineError('INVALID_ARGUMENT', `gamma must be positive, got ${gamma}`);
  if (!(t0 >= 0 && Number.isFinite(t0))) throw new EngineError('INVALID_ARGUMENT', `t0 must be ≥ 0, got ${t0}`);
  if (!(kappa > 0 && kappa <= 1)) throw new EngineError('INVALID_ARGUMENT', `kappa must be in (0, 1], got ${kappa}`);

  let mu = 0;
  let t = 0;
  let hBar = 0;
  let logEps = 0;
  let logEpsBar = 0;

  const restart = (stepSize: number): void => {
    checkStepSize(stepSize);
    mu = Math.log(10 * stepSize);
    t = 0;
    hBar = 0;
    logEps = Math.log(stepSize);
    logEpsBar = 0;
  };
  restart(initialStepSize);

  return {
    get stepSize() { return Math.exp(logEps); },
    get adaptedStepSize() { return t === 0 ? Math.exp(logEps) : Math.exp(logEpsBar); },
    get iterations() { return t; },
    update(acceptStat: number): number {
      const alpha = acceptStat > 1 ? 1 : acceptStat >= 0 ? acceptStat : 0; // NaN → 0
      t += 1;
      const w = 1 / (t + t0);
      hBar = (1 - w) * hBar + w * (delta - alpha);
      logEps = mu - (Math.sqrt(t) / gamma) * hBar;
      const eta = Math.pow(t, -kappa);
      logEpsBar = eta * logEps + (1 - eta) * logEpsBar;
      return Math.exp(logEps);
    },
    restart,
  };
}
