import type { SearchProblem } from '../search/search-problem.ts';
import { paidChannelCount, withoutValidation } from '../search/search-problem.ts';
import type { SearchResult } from '../search/run-search.ts';
import { createCandidateEvaluator } from '../search/candidate-evaluator.ts';
import { topCandidates } from '../select-model.ts';
import { candidateChannels } from '../candidate-channels.ts';
import { mediaRoi } from '../panel-contribution.ts';
import { hyperSampleCount, sampleHyperPosterior } from './hyper-posterior.ts';
import { posteriorMedoid } from './posterior-medoid.ts';
import type { RoiPrior } from './roi-prior.ts';

/** The rule stored in model.json when the default model is chosen by `posteriorChoice`. */
export const POSTERIOR_SELECTION_RULE =
  'posterior medoid: adaptive-Metropolis samples of the hyperparameters (marginal likelihood of the ridge regression on all non-holdout rows, coefficients integrated out under the Gaussian prior λ stands for, flat prior on the search box) started at the best of the search\'s top 200 candidates by full-data fit; the default model is the sample whose channel ROIs are closest (spend-weighted relative L1) to the posterior-mean ROIs';

export interface PosteriorChoiceOptions {
  /** Metropolis iterations (burn-in included). */
  readonly iterations: number;
  readonly seed: number;
  /** Keep every `thin`-th state (default 25). */
  readonly thin?: number;
  /** Progress (done, total) in Metropolis iterations; may throw to cancel. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Checked every 100 chain iterations; true stops with EngineError CANCELLED. */
  readonly isCancelled?: () => boolean;
  /** A log-normal prior on every channel's ROI (none when omitted). */
  readonly roiPrior?: RoiPrior;
}

export interface PosteriorChoice {
  /** Unit-space hyperparameters of the chosen model [searchDimension(problem)]. */
  readonly u: Float64Array;
  /** Every kept posterior sample, row-major [nSamples × searchDimension(problem)]. */
  readonly samples: Float64Array;
  /** Posterior-mean ROI per channel [nChannels]. */
  readonly meanRoi: Float64Array;
  /** ROI of every kept sample, row-major [nSamples × nChannels]. */
  readonly sampleRoi: Float64Array;
  readonly nSamples: number;
  readonly acceptance: number;
}

/**
 * Choose the default model as the posterior medoid of the hyperparameters: start at the search
 * candidate (among the 200 best by score) with the lowest full-data RSS, sample the hyperparameter
 * posterior (`sampleHyperPosterior`), compute every kept sample's channel ROIs on the fit rows (from the
 * fit the chain computed for its density, not a refit: same u, same fit to the bit), and return the
 * sample nearest the posterior-mean ROIs (`posteriorMedoid`, weighted by spend shares).
 * On simulated ground truth this averages over the many hyperparameter settings that fit the data
 * equally well instead of letting a short validation window pick one of them almost at random.
 * @param problem the search problem
 * @param result the search's candidates
 * @param options Metropolis iterations, seed and thinning
 * @returns the chosen unit vector, posterior-mean and per-sample ROIs
 * @throws EngineError INVALID_ARGUMENT for bad options or an empty search result; CANCELLED when
 *   options.isCancelled says so
 * @example (await posteriorChoice(problem, result, { iterations: 20000, seed: 1 })).u.length // searchDimension(problem)
 */
export async function posteriorChoice(problem: SearchProblem, result: SearchResult, options: PosteriorChoiceOptions): Promise<PosteriorChoice> {
  const d = result.nParams;
  const full = withoutValidation(problem);
  const ev = createCandidateEvaluator(full);
  const obj = new Float64Array(ev.nObjectives);
  let start = 0, bestErr = Infinity;
  for (const i of topCandidates(result, 200)) {
    ev.evaluate(result.params.subarray(i * d, (i + 1) * d), 1, obj);
    if (obj[0] < bestErr) { bestErr = obj[0]; start = i; }
  }
  // Paid channels only (candidateChannels): organic media have no ROI.
  const nC = paidChannelCount(problem);
  const sampleRoi = new Float64Array(hyperSampleCount(options.iterations, options.thin) * nC); // the chain keeps exactly that many
  const chain = await sampleHyperPosterior(problem, result.params.subarray(start * d, (start + 1) * d), {
    ...options,
    onKeptFit: (s, fit) => { candidateChannels(full, fit).forEach((ch, c) => { sampleRoi[s * nC + c] = mediaRoi(ch, full.fitStart, full.fitEnd); }); },
  });
  const spend = problem.channels.slice(0, nC).map((ch) => { let a = 0; for (let t = full.fitStart; t < full.fitEnd; t++) a += ch.spend[t]; return a; });
  const total = spend.reduce((a, b) => a + b, 0) || 1;
  const { index, mean } = posteriorMedoid(sampleRoi, chain.nSamples, nC, spend.map((v) => v / total));
  return { u: chain.samples.slice(index * d, (index + 1) * d), samples: chain.samples, meanRoi: mean, sampleRoi, nSamples: chain.nSamples, acceptance: chain.acceptance };
}
