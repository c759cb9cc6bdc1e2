/**
 * The seam between the search (pure, in the engine) and parallel execution (worker threads in Node,
 * Web Workers in the browser). The search hands out batches of candidate parameter vectors; an
 * evaluator returns one row of objectives per candidate. Everything crossing the seam is
 * structured-clone friendly (plain objects and Float64Array), so the same problem object can be posted
 * to a worker, which builds its own CandidateEvaluator with `createCandidateEvaluator(problem)`.
 */
import type { SearchProblem } from './search-problem.ts';

/** Synchronous evaluation in the current thread. */
export interface CandidateEvaluator {
  /** Length of one candidate vector (all channels' kernel params, then the ridge penalty). */
  readonly nParams: number;
  /** Length of one objectives row (see OBJECTIVES in search-problem.ts). */
  readonly nObjectives: number;
  /**
   * Evaluate `nCandidates` candidates.
   * @param params row-major [nCandidates × nParams], each entry in [0, 1] (unit search space)
   * @param out row-major [nCandidates × nObjectives], written in place
   */
  evaluate(params: Float64Array, nCandidates: number, out: Float64Array): void;
}

/** Asynchronous, possibly parallel evaluation (a worker pool). Must give exactly the results a CandidateEvaluator would. */
export interface BatchEvaluator {
  evaluate(params: Float64Array, nCandidates: number): Promise<Float64Array>;
  close(): Promise<void>;
}

/** Builds a BatchEvaluator for a problem (e.g. by posting the problem to each worker once). */
export type BatchEvaluatorFactory = (problem: SearchProblem) => Promise<BatchEvaluator>;
