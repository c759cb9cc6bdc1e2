import type { BatchEvaluator } from './evaluator.ts';
import type { ObjectiveWeights } from '../../spec/model-spec.ts';
import { OBJECTIVES } from './search-problem.ts';
import { createDifferentialEvolution, type DifferentialEvolution } from './differential-evolution.ts';
import { scalarScore } from './scalar-score.ts';
import { createRng } from '../../random/rng.ts';
import { EngineError } from '../../errors.ts';
import { createPause } from '../cancellation.ts';

export interface SearchOptions {
  readonly iterations: number;
  readonly trials: number;
  readonly seed: number;
  readonly weights: ObjectiveWeights;
  readonly evaluator: BatchEvaluator;
  readonly nParams: number;
  readonly onProgress?: (p: Progress) => void;
  /** Checked between generations; when it returns true the search stops with EngineError CANCELLED. */
  readonly isCancelled?: () => boolean;
}

export interface Progress {
  readonly phase: 'search' | 'posterior' | 'refit' | 'bootstrap' | 'sample';
  readonly done: number;
  readonly total: number;
}

/** Every candidate the search evaluated, in evaluation order. */
export interface SearchResult {
  readonly nCandidates: number;
  readonly nParams: number;
  /** Row-major [nCandidates × nParams], unit space. */
  readonly params: Float64Array;
  /** Row-major [nCandidates × OBJECTIVES.length]. */
  readonly objectives: Float64Array;
  /** Scalarised score per candidate [nCandidates]. */
  readonly scores: Float64Array;
  /** Trial that produced each candidate [nCandidates]. */
  readonly trial: Int32Array;
}

/**
 * Run `trials` independent differential-evolution searches in lockstep: each generation of every trial
 * is evaluated as one batch, so a worker pool sees large batches and the result does not depend on how
 * many workers there are. Same problem + seed ⇒ identical SearchResult.
 * Population size: max(24, min(60, 2·nParams + 8)); generations fill the iteration budget.
 * @param options iterations (candidates per trial), trials, seed, objective weights, the batch evaluator
 *   and nParams (searchDimension(problem)), optional progress and cancellation
 * @returns every evaluated candidate: unit-space parameters, objectives and scores, row-major
 * @throws EngineError CANCELLED when isCancelled returns true between generations
 * @example
 * const problem = buildSearchProblem(table, spec);
 * const r = await runSearch({ iterations: 2000, trials: 3, seed: 1, weights: DEFAULT_WEIGHTS, evaluator: inThreadEvaluator(createCandidateEvaluator(problem)), nParams: searchDimension(problem) });
 * r.nCandidates // 6000
 */
export async function runSearch(options: SearchOptions): Promise<SearchResult> {
  const { nParams, trials, weights, evaluator } = options;
  const nObj = OBJECTIVES.length;
  const np = Math.max(24, Math.min(60, 2 * nParams + 8));
  const perTrial = Math.max(np * 2, Math.floor(options.iterations / Math.max(1, trials)));
  const generations = Math.max(2, Math.floor(perTrial / np));
  const total = generations * np * trials;
  const root = createRng(options.seed);
  const des: DifferentialEvolution[] = [];
  for (let k = 0; k < trials; k++) des.push(createDifferentialEvolution({ dim: nParams, populationSize: np, rng: root.fork() }));
  const params = new Float64Array(total * nParams);
  const objectives = new Float64Array(total * nObj);
  const scores = new Float64Array(total);
  const trial = new Int32Array(total);
  let done = 0;
  const batch = new Float64Array(trials * np * nParams);
  for (let gen = 0; gen < generations; gen++) {
    if (options.isCancelled?.()) throw new EngineError('CANCELLED', 'the search was cancelled');
    for (let k = 0; k < trials; k++) batch.set(des[k].ask(), k * np * nParams);
    const obj = await evaluator.evaluate(batch, trials * np);
    for (let k = 0; k < trials; k++) {
      const fitness = new Float64Array(np);
      for (let i = 0; i < np; i++) {
        const row = k * np + i;
        fitness[i] = scalarScore(obj, row * nObj, weights);
        const at = done + row;
        scores[at] = fitness[i];
        trial[at] = k;
      }
      des[k].tell(fitness);
    }
    params.set(batch, done * nParams);
    objectives.set(obj.subarray(0, trials * np * nObj), done * nObj);
    done += trials * np;
    options.onProgress?.({ phase: 'search', done, total });
  }
  return { nCandidates: total, nParams, params, objectives, scores, trial };
}

/**
 * A BatchEvaluator that runs a synchronous evaluator in the current thread. After every ~25 ms of work
 * it lets the event loop turn (createPause), so timers, an AbortSignal's abort and messages are not
 * held up until the search ends; the results are the same.
 */
export function inThreadEvaluator(ev: { nObjectives: number; evaluate(p: Float64Array, n: number, out: Float64Array): void }): BatchEvaluator {
  const pause = createPause();
  return {
    evaluate: async (p, n) => {
      const out = new Float64Array(n * ev.nObjectives);
      ev.evaluate(p, n, out);
      await pause();
      return out;
    },
    close: async () => {},
  };
}
