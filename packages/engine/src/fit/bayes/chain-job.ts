import type { SearchProblem } from '../search/search-problem.ts';
import type { RoiPrior } from '../posterior/roi-prior.ts';
import { mmmLogDensity } from './mmm-log-density.ts';
import { nuts, nutsAsync, type NutsResult } from './nuts.ts';
import type { MetricKind } from './hmc-metric.ts';
import { createRng } from '../../random/rng.ts';
import { createPause } from '../cancellation.ts';

/**
 * One NUTS chain of the Bayesian MMM as plain data (structured-cloneable), so chains can run in
 * worker threads: the same job gives bit-identical draws in any thread.
 */
export interface ChainJob {
  readonly problem: SearchProblem;
  readonly roiPrior: RoiPrior;
  /** Start position, unconstrained [dim]. */
  readonly start: Float64Array;
  readonly seed: number;
  readonly warmup: number;
  readonly draws: number;
  readonly maxDepth: number;
  /** NUTS metric: 'diag' (default) or 'dense'; see NutsOptions.metric. */
  readonly metric?: MetricKind;
  /** Step-size adaptation target (default 0.8); see NutsOptions.targetAccept. */
  readonly targetAccept?: number;
}

/**
 * Run one chain: build the log density of the job's problem and sample it with NUTS.
 * @param job the chain's problem, prior, start, seed and lengths
 * @param onProgress (done, total) every iteration; may throw to cancel
 * @example runChain(job).draws.length // job.draws × dim
 */
export function runChain(job: ChainJob, onProgress?: (done: number, total: number) => void): NutsResult {
  const density = mmmLogDensity(job.problem, { roi: job.roiPrior });
  return nuts(density.logDensity, job.start, nutsOptions(job, onProgress));
}

function nutsOptions(job: ChainJob, onProgress?: (done: number, total: number) => void) {
  return { warmup: job.warmup, draws: job.draws, maxDepth: job.maxDepth, metric: job.metric, targetAccept: job.targetAccept, rng: createRng(job.seed), onProgress };
}

/**
 * Runs chains (in this thread, or in workers: createChainRunner of @mixwise/parallel) and reports each chain's
 * progress as (chain index, iterations done); resolves with the results in job order.
 */
export type ChainRunner = (jobs: readonly ChainJob[], onProgress: (chain: number, done: number) => void) => Promise<NutsResult[]>;

/**
 * The in-thread ChainRunner: one chain after another, letting the event loop turn every ~25 ms
 * (createPause) so timers, an AbortSignal's abort and messages get through; the draws are those of runChain.
 */
export const inThreadChains: ChainRunner = async (jobs, onProgress) => {
  const pause = createPause();
  const runs: NutsResult[] = [];
  for (let k = 0; k < jobs.length; k++) {
    const density = mmmLogDensity(jobs[k].problem, { roi: jobs[k].roiPrior });
    runs.push(await nutsAsync(density.logDensity, jobs[k].start, nutsOptions(jobs[k], (done) => onProgress(k, done)), pause));
  }
  return runs;
};
