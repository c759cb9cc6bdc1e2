import { availableParallelism } from 'node:os';
import type { BatchEvaluatorFactory, SearchProblem } from '@mixwise/engine';
import { createPool } from './create-pool.ts';

/** The worker module that evaluates search candidates with the engine. */
export const SEARCH_WORKER_URL = new URL('./search-worker.ts', import.meta.url);

/**
 * The engine's BatchEvaluatorFactory backed by worker threads: for each search, `size` workers each
 * receive the SearchProblem once, build `createCandidateEvaluator(problem)`, and evaluate slices of
 * every batch; results come back in candidate order, bit-identical to single-thread evaluation.
 * Pass it as `fitMmm(table, spec, { parallel: createWorkerPool() })`; the engine closes each pool.
 * @param size worker threads per search (default: os.availableParallelism())
 * @returns the factory
 * @example const parallel = createWorkerPool(2); const model = await fitMmm(table, {}, { parallel });
 */
export function createWorkerPool(size: number = availableParallelism()): BatchEvaluatorFactory {
  return (problem: SearchProblem) => createPool({ workerUrl: SEARCH_WORKER_URL, init: problem, size });
}
