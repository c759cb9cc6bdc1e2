/**
 * NUTS tree depth limit of the Bayesian fit (at most 2^10 − 1 leapfrog steps per transition; Stan's default):
 * the sampler stops doubling there, and transitions that reach it are counted (summary.json's
 * tree_depth_hits, max_tree_depth). A constant of the model's settings, not of the sampler's code, so
 * the summary and its text read it without depending on the fit.
 */
export const MAX_TREE_DEPTH = 10;
