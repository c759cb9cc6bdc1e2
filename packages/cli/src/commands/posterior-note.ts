import { DEFAULT_POSTERIOR_ITERATIONS, DEFAULT_SEARCH_ITERATIONS, POSTERIOR_ITERATIONS_FLOOR, type ModelSpec } from '@mixwise/engine';

/**
 * The fit's note when the posterior was shortened to go with a smaller search (runSpec's
 * scaledPosteriorIterations): how long it is and why, and the flag that sets it. null when the length
 * was given (--posterior-iterations, the config's search.posterior_iterations) or is the default.
 * @param spec the spec the fit ran (runSpec's output)
 * @param given --posterior-iterations or the config's value, when set
 * @param config the config's model-spec settings
 * @example scaledPosteriorNote({ search: { iterations: 2000, posterior: 2000 } }, undefined) // 'the hyperparameter posterior ran 2,000 Metropolis iterations …'
 */
export function scaledPosteriorNote(spec: Partial<ModelSpec>, given: number | undefined, config?: Partial<ModelSpec>): string | null {
  const posterior = spec.search?.posterior;
  const iterations = spec.search?.iterations;
  if (given !== undefined || config?.search?.posterior !== undefined || posterior === undefined || iterations === undefined) return null;
  if (posterior >= DEFAULT_POSTERIOR_ITERATIONS) return null;
  const n = (v: number): string => v.toLocaleString('en-US');
  return `the hyperparameter posterior ran ${n(posterior)} Metropolis iterations instead of ${n(DEFAULT_POSTERIOR_ITERATIONS)}: `
    + `scaled with the search's ${n(iterations)} iterations (of the default ${n(DEFAULT_SEARCH_ITERATIONS)}), at least ${n(POSTERIOR_ITERATIONS_FLOOR)}; `
    + '--posterior-iterations N (search.posterior_iterations in the config) sets it';
}
