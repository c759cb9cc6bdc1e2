import { paidChannelCount, type SearchProblem } from '../search/search-problem.ts';
import type { SearchResult } from '../search/run-search.ts';
import type { SearchSpec } from '../../spec/model-spec.ts';
import { DEFAULT_POSTERIOR_ITERATIONS } from '../../spec/model-spec.ts';
import { createCandidateEvaluator } from '../search/candidate-evaluator.ts';
import { scalarScore } from '../search/scalar-score.ts';
import { selectModel, topCandidates, SELECTION_RULE } from '../select-model.ts';
import type { Progress } from '../search/run-search.ts';
import { EngineError } from '../../errors.ts';
import { posteriorChoice, POSTERIOR_SELECTION_RULE } from './posterior-choice.ts';
import { ROI_PRIOR_OFFSET } from './roi-prior.ts';
import { liftConflicts, type LiftConflict } from './lift-conflict.ts';

export interface DefaultModelChoice {
  /** Unit-space hyperparameters of the default model [searchDimension(problem)]. */
  readonly u: Float64Array;
  /** Its objectives with the search's train/validation split, in OBJECTIVES order. */
  readonly objectives: number[];
  /** Its weighted score (spec.search.weights). */
  readonly score: number;
  /** The rule that chose it (stored in model.json). */
  readonly rule: string;
  /**
   * Hyperparameter draws that express the uncertainty of the choice, for the bootstrap: posterior
   * samples (the bootstrap refits each on resampled data) or, for the lowest-score rule, the chosen
   * vector followed by the next best candidates (the bootstrap re-selects among them).
   */
  readonly draws: readonly Float64Array[];
  /** Whether the bootstrap should re-select among `draws` by score (lowest-score rule) or use them in turn (posterior). */
  readonly reselect: boolean;
  /** With lift tests and the posterior rule: the tested channels whose calibrated ROI the data alone rule out (liftConflicts). */
  readonly liftConflicts?: readonly LiftConflict[];
}

export interface ChooseHooks {
  readonly onProgress?: (p: Progress) => void;
  readonly isCancelled?: () => boolean;
}

/**
 * Choose the default model's hyperparameters. With `search.posterior` > 0 (default
 * DEFAULT_POSTERIOR_ITERATIONS) and no DECOMP.RSSD weight (which the posterior does not model), the
 * posterior medoid of `posteriorChoice`, whose posterior includes the lift tests' likelihood when
 * there are any; otherwise the search candidate with the lowest weighted score (`selectModel`).
 * @param problem the search problem
 * @param result the search's candidates
 * @param search the spec's search settings (posterior iterations, seed, weights)
 * @returns the chosen unit vector, its objectives and score, and the rule used
 * @throws EngineError INVALID_ARGUMENT for a fractional `search.posterior` (0 or less turns the posterior off)
 * @example (await chooseDefaultModel(problem, result, spec.search)).rule // POSTERIOR_SELECTION_RULE
 */
export async function chooseDefaultModel(problem: SearchProblem, result: SearchResult, search: SearchSpec, hooks: ChooseHooks = {}): Promise<DefaultModelChoice> {
  const d = result.nParams;
  const iterations = search.posterior ?? DEFAULT_POSTERIOR_ITERATIONS;
  const usePosterior = iterations > 0 && !(search.weights.decompRssd > 0);
  let u: Float64Array, rule: string, draws: Float64Array[];
  let conflicts: LiftConflict[] | undefined;
  if (usePosterior) {
    // With lift tests, a second chain without them shows what the data alone say (liftConflicts); one progress phase for both.
    const passes = problem.liftTests.length > 0 ? 2 : 1;
    const options = (pass: number) => ({
      iterations, seed: search.seed, ...(search.roiPrior ? { roiPrior: search.roiPrior } : {}), isCancelled: hooks.isCancelled,
      onProgress: (done: number, total: number) => {
        if (hooks.isCancelled?.()) throw new EngineError('CANCELLED', 'the fit was cancelled');
        hooks.onProgress?.({ phase: 'posterior', done: pass * total + done, total: passes * total });
      },
    });
    const choice = await posteriorChoice(problem, result, options(0));
    if (passes === 2) {
      const dataOnly = await posteriorChoice({ ...problem, liftTests: [] }, result, options(1));
      conflicts = liftConflicts(problem.channels.slice(0, paidChannelCount(problem)).map((c) => c.name), problem.liftTests.map((t) => t.channel), dataOnly.sampleRoi, choice.sampleRoi);
    }
    u = choice.u;
    draws = Array.from({ length: choice.nSamples }, (_, s) => choice.samples.slice(s * d, (s + 1) * d));
    rule = POSTERIOR_SELECTION_RULE;
    if (search.roiPrior) {
      rule += `; the posterior weights each sample by a log-normal prior on every channel's ROI + ${ROI_PRIOR_OFFSET} (median ${search.roiPrior.median.toFixed(3)}, σ of log ${search.roiPrior.sdLog})`;
    }
    if (problem.liftTests.length > 0) {
      rule += `; and by the likelihood of the ${problem.liftTests.length} lift test${problem.liftTests.length === 1 ? '' : 's'} (each a Gaussian measurement, with its standard error, of what the channel's spend in the test periods added over the measured periods)`;
    }
  } else {
    const i = selectModel(result);
    u = result.params.slice(i * d, (i + 1) * d);
    draws = [u, ...topCandidates(result, 10).filter((k) => k !== i).map((k) => result.params.slice(k * d, (k + 1) * d))];
    rule = SELECTION_RULE;
  }
  return { ...describeChoice(problem, u, search), rule, draws, reselect: !usePosterior, ...(conflicts ? { liftConflicts: conflicts } : {}) };
}

/**
 * A chosen vector with its objectives on the search's train/validation split and its weighted score.
 * @example describeChoice(problem, u, spec.search).score // scalarScore of its objectives
 */
export function describeChoice(problem: SearchProblem, u: Float64Array, search: SearchSpec): Pick<DefaultModelChoice, 'u' | 'objectives' | 'score'> {
  const ev = createCandidateEvaluator(problem);
  const obj = new Float64Array(ev.nObjectives);
  ev.evaluate(u, 1, obj);
  return { u, objectives: Array.from(obj), score: scalarScore(obj, 0, search.weights) };
}
