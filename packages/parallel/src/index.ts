// Worker threads for the engine's two parallel jobs: evaluating search candidates (a pool of
// evaluators, bit-identical to one thread) and running NUTS chains. Node only; the engine stays pure.
export type { PoolOptions, EvaluatorPool } from './create-pool.ts';
export { createPool } from './create-pool.ts';
export { createWorkerPool, SEARCH_WORKER_URL } from './worker-pool.ts';
export { createChainRunner } from './chain-runner.ts';
export { serveEvaluator } from './serve-evaluator.ts';
export { threadedFit } from './threaded-fit.ts';
