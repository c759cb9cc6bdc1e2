import type { FIT_METHODS } from '@mixwise/contracts';

/** A fit's method (FitOptions.method). */
export type FitMethod = (typeof FIT_METHODS)[number];

/**
 * Phases of a fit in the order they run, with the share of the whole bar each one gets (roughly its
 * share of the wall time of a default fit on two cores). Ridge: the search dominates, then the
 * posterior over the search's models and the bootstrap. Bayes: no bootstrap, and the NUTS sampling
 * takes most of the time (npm run bench bayes: ~4 s of search against about a minute of sampling).
 */
const PHASES: Readonly<Record<FitMethod, readonly (readonly [string, number])[]>> = {
  ridge: [['search', 0.7], ['posterior', 0.15], ['refit', 0.01], ['bootstrap', 0.12], ['writing', 0.02]],
  bayes: [['search', 0.1], ['posterior', 0.03], ['refit', 0.01], ['sample', 0.84], ['writing', 0.02]],
};

/** Phases before the fit's first step: nothing done yet. */
const NOT_STARTED: readonly string[] = ['queued', 'reading', 'starting'];

/**
 * One progress fraction for the whole fit from the server's per-phase progress, so the bar only ever
 * moves forward: phase k covers [Σ shares before k, Σ shares up to k). A fit still queued (or reading
 * its data) is at 0; other phases the method does not have count as done with the ones before them.
 * @param phase the phase the server reports ('queued', 'reading', 'starting', 'search', 'posterior', 'refit', 'bootstrap' or 'sample', 'writing', 'done')
 * @param done steps done in the phase
 * @param total steps in the phase (0 when unknown)
 * @param method the fit's method (default 'ridge'), which decides the phases and their shares
 * @returns a fraction in [0, 1]
 * @example overallProgress('posterior', 50, 100) // 0.775 (0.7 for the search, half of 0.15)
 */
export function overallProgress(phase: string, done: number, total: number, method: FitMethod = 'ridge'): number {
  if (NOT_STARTED.includes(phase)) return 0;
  let start = 0;
  for (const [name, share] of PHASES[method]) {
    if (name === phase) {
      const within = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
      return Math.min(1, start + share * within);
    }
    start += share;
  }
  return Math.min(1, start);
}
