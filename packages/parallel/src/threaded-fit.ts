import type { FitOptions } from '@mixwise/engine';
import { createWorkerPool } from './worker-pool.ts';
import { createChainRunner } from './chain-runner.ts';

/**
 * fitMmm's options that put the search and the NUTS chains on `threads` worker threads (nothing for 1:
 * the engine then evaluates and samples in the calling thread). The CLI and the server's fit worker
 * both use it, so a fit is threaded the same way wherever it runs; the result does not depend on it.
 * @param threads worker threads (≥ 1)
 * @returns `{ parallel, chains }`, or `{}` for one thread
 * @example await fitMmm(table, spec, { ...threadedFit(2), onProgress })
 */
export function threadedFit(threads: number): Pick<FitOptions, 'parallel' | 'chains'> {
  return threads > 1 ? { parallel: createWorkerPool(threads), chains: createChainRunner(threads) } : {};
}
