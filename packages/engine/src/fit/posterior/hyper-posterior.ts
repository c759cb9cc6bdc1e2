import type { SearchProblem } from '../search/search-problem.ts';
import { withoutValidation } from '../search/search-problem.ts';
import { createCandidateEvaluator, type CandidateFit } from '../search/candidate-evaluator.ts';
import { adaptiveMetropolisAsync, keptSampleCount, type AdaptiveMetropolisResult } from './adaptive-metropolis.ts';
import { createPause, throwIfCancelled } from '../cancellation.ts';
import { createRng } from '../../random/rng.ts';
import { roiLogPrior, type RoiPrior } from './roi-prior.ts';
import { liftLogLikelihood } from './lift-likelihood.ts';
import { ridgeLogEvidence } from './ridge-evidence.ts';

export interface HyperPosteriorOptions {
  /** Metropolis iterations, burn-in included. */
  readonly iterations: number;
  readonly seed: number;
  /** Keep every `thin`-th post-burn-in state (default 25). */
  readonly thin?: number;
  /** Progress (done, total iterations); may throw to cancel. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Checked every 100 iterations; true stops the chain with EngineError CANCELLED. */
  readonly isCancelled?: () => boolean;
  /** A log-normal prior on every channel's ROI (none when omitted). */
  readonly roiPrior?: RoiPrior;
  /**
   * Called for each kept sample with its index and its fit on all non-holdout rows (the evaluation that
   * gave its density, reused: fitCandidate depends on u alone, so it is the fit a refit would give).
   */
  readonly onKeptFit?: (index: number, fit: CandidateFit) => void;
}

/**
 * Unnormalised log posterior of unit-space hyperparameters u (adstock, saturation, λ of every channel)
 * given all non-holdout rows: the marginal likelihood of the ridge regression (ridgeLogEvidence: the
 * coefficients integrated out under the Gaussian prior that λ stands for, the noise variance at its
 * maximum), plus a flat prior on the search box (−Infinity outside it). With `roiPrior`, the log prior
 * of the candidate's channel ROIs (roiLogPrior) is added; with lift tests in the problem, their
 * Gaussian log likelihood (liftLogLikelihood): experiments calibrate the posterior.
 * It replaced the profile likelihood −(n/2)·log RSS, which always pushed λ to its lower bound and
 * preferred the most flexible curves: on 160 simulated scenarios not used to design it the mean ROI
 * error fell by 2.5–2.9 points (docs/model.md §9).
 * @param problem the search problem; its validation split is ignored (all fit rows are used)
 * @param roiPrior optional log-normal prior on the channels' ROIs
 * @returns u ↦ log density (u of length searchDimension(problem))
 * @example hyperLogPosterior(problem)(u) - hyperLogPosterior(problem)(v) // log evidence ratio of u over v
 */
export function hyperLogPosterior(problem: SearchProblem, roiPrior?: RoiPrior): (u: Float64Array) => number {
  return hyperDensity(problem, roiPrior).logDensity;
}

/** hyperLogPosterior, with the fit of the last in-box evaluation (undefined after one outside the box) and a refit for any u. */
function hyperDensity(problem: SearchProblem, roiPrior?: RoiPrior): { logDensity: (u: Float64Array) => number; lastFit: () => CandidateFit | undefined; refit: (u: Float64Array) => CandidateFit } {
  const full = withoutValidation(problem);
  const ev = createCandidateEvaluator(full);
  const inBox = (u: Float64Array): boolean => {
    for (let j = 0; j < u.length; j++) if (!(u[j] >= 0 && u[j] <= 1)) return false;
    return true;
  };
  const prior = roiPrior ? roiLogPrior(full, roiPrior) : () => 0;
  const lift = liftLogLikelihood(full);
  let last: CandidateFit | undefined;
  return {
    logDensity: (u) => {
      last = undefined;
      if (!inBox(u)) return -Infinity;
      const fit = ev.fitCandidate(u);
      last = fit;
      const ll = ridgeLogEvidence(fit.evidence);
      return Number.isFinite(ll) ? ll + prior(fit) + lift(fit) : ll;
    },
    lastFit: () => last,
    refit: (u) => ev.fitCandidate(u),
  };
}

/** Share of the hyperparameter chain discarded as burn-in, and the default thinning of the rest. */
const HYPER_BURN_IN = 0.3, HYPER_THIN = 25;

/**
 * How many samples sampleHyperPosterior keeps for these iterations and thinning.
 * @example hyperSampleCount(20000) // 560
 */
export function hyperSampleCount(iterations: number, thin = HYPER_THIN): number {
  return keptSampleCount(iterations, HYPER_BURN_IN, thin);
}

/**
 * Sample the hyperparameter posterior of `hyperLogPosterior` by adaptive Metropolis
 * (Haario et al. 2001), starting at `start` (e.g. the search's best candidate).
 * @param problem the search problem
 * @param start unit-space start vector [searchDimension(problem)]
 * @param options iterations, seed, thinning
 * @returns kept unit-space samples [nSamples × dim], their log densities and the acceptance rate
 * @throws EngineError INVALID_ARGUMENT for bad iterations/thin or a start outside the box
 * @example (await sampleHyperPosterior(problem, best, { iterations: 20000, seed: 1 })).nSamples // 560
 */
export async function sampleHyperPosterior(problem: SearchProblem, start: ArrayLike<number>, options: HyperPosteriorOptions): Promise<AdaptiveMetropolisResult> {
  const pause = createPause();
  const density = hyperDensity(problem, options.roiPrior);
  // The chain's state keeps the fit that gave its density, for onKeptFit (no refit of the kept samples).
  let current: CandidateFit | undefined;
  const onKeptFit = options.onKeptFit;
  // Awaits a pause every 100 iterations: the chain takes seconds, and an abort or a message must get through.
  return adaptiveMetropolisAsync(density.logDensity, start, {
    iterations: options.iterations, thin: options.thin ?? HYPER_THIN, burnIn: HYPER_BURN_IN, rng: createRng(options.seed ^ 0x9057),
    onProgress: options.onProgress,
    ...(onKeptFit === undefined ? {} : {
      onAccept: () => { current = density.lastFit(); },
      // Never undefined for an accepted state (its density was finite or +∞, so it was in the box); refit to be safe.
      onKeep: (index: number, state: Float64Array) => { onKeptFit(index, current ?? density.refit(state)); },
    }),
  }, async () => { await pause(); throwIfCancelled(options.isCancelled); });
}
