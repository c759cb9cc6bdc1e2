/**
 * What the model explorer's posterior section says about a Bayesian fit's sampler: the summary line,
 * the convergence verdict, why it did not converge and what to try, and which parameters are flagged,
 * worst R-hat first. Pure: PosteriorSection.tsx only lays it out.
 */
import { convergenceFailures, higherTargetAccept, ESS_PER_CHAIN_MIN, RHAT_LIMIT, type BayesParameterSummary, type MmmModel, type PosteriorSummary } from '@mixwise/engine';

/** The posterior section's text and table rows. */
export interface PosteriorView {
  /** The summary line: chains, draws, warm-up, max R-hat, min bulk ESS, divergences, tree-depth hits, metric and step sizes. */
  readonly line: string;
  /** The verdict badge. */
  readonly verdict: 'converged' | 'not converged';
  /** Why the chains have not converged and what to try; null when they converged. */
  readonly banner: string | null;
  /** Every sampled parameter, worst R-hat first (a non-finite R-hat last). */
  readonly rows: readonly BayesParameterSummary[];
  /** Bulk ESS below which a parameter is flagged: ESS_PER_CHAIN_MIN per chain. */
  readonly essLimit: number;
  /** The parameter table's caption. */
  readonly caption: string;
}

/**
 * The posterior section of a model, or null when it has no Bayesian fit (no model.bayes).
 * A non-finite R-hat (chains stuck apart, or a parameter that never moved) is never shown as the
 * finite maximum: the line says "not finite" and the banner names the stuck parameters.
 * @param model the fitted model (its bayes diagnostics: chains, draws, step sizes, parameters)
 * @param posterior summary.json's posterior record (verdict, max R-hat, min ESS, divergences)
 */
export function posteriorView(model: MmmModel, posterior: PosteriorSummary): PosteriorView | null {
  const b = model.bayes;
  if (!b) return null;
  const essLimit = ESS_PER_CHAIN_MIN * posterior.chains;
  const stuck = posterior.stuck_parameters ?? [];
  const maxRhat = stuck.length > 0 ? 'not finite' : posterior.max_rhat.toFixed(3);
  const line = `${b.chains} chains × ${b.draws.toLocaleString('en-US')} draws after ${b.warmup.toLocaleString('en-US')} warm-up · max R-hat ${maxRhat} · `
    + `min bulk ESS ${Math.round(posterior.min_ess).toLocaleString('en-US')} · ${posterior.divergences} divergences · ${b.treeDepthHits} tree-depth hits · `
    + `${b.metric ?? 'diag'} metric, step sizes ${b.stepSizes.map((e) => e.toPrecision(2)).join(' / ')}`;
  const words = {
    rhat: stuck.length > 0 ? `R-hat not finite for ${stuck.map((p) => p.name).join(', ')} (chains stuck apart or not moving)` : `R-hat up to ${maxRhat} (chains disagree)`,
    ess: `effective sample size down to ${Math.round(posterior.min_ess)} (below ${essLimit})`,
    divergences: `${posterior.divergences} divergent transition${posterior.divergences === 1 ? '' : 's'}`,
  };
  const why = convergenceFailures(posterior).map((f) => words[f]);
  const higher = posterior.divergences > 0 ? higherTargetAccept(posterior.target_accept ?? b.targetAccept) : undefined;
  const banner = posterior.converged ? null
    : `The chains have not converged: ${why.join('; ')}. The credible intervals may be too narrow or in the wrong place. `
      + `Fit again with more warm-up and draws${higher !== undefined ? `, a higher target acceptance (${higher}: smaller steps against divergences)` : ''}, or a simpler model (fewer channels, one adstock family).`;
  return {
    line,
    verdict: posterior.converged ? 'converged' : 'not converged',
    banner,
    rows: [...b.parameters].sort((x, y) => rank(y) - rank(x)),
    essLimit,
    caption: `Sampled parameters on the sampler's unconstrained scale (log ROI, logit of each curve parameter's range, log σ), worst R-hat first; flagged: R-hat ≥ ${RHAT_LIMIT} or ESS below ${essLimit}`,
  };
}

/** Whether a parameter's row is flagged: R-hat ≥ RHAT_LIMIT or bulk ESS below essLimit. */
export function flaggedParameter(p: BayesParameterSummary, essLimit: number): boolean {
  // Written so that NaN (a chain stuck on a constant value) is flagged too, as the engine's convergence check does.
  return !(p.rhat < RHAT_LIMIT) || !(p.ess >= essLimit);
}

/** Sort key: R-hat, with a non-finite one (a constant coordinate) last. */
function rank(p: BayesParameterSummary): number {
  return Number.isFinite(p.rhat) ? p.rhat : 0;
}

/** A parameter's R-hat in the table: 3 decimals, '–' when not finite. */
export function rhatCell(p: BayesParameterSummary): string {
  return Number.isFinite(p.rhat) ? p.rhat.toFixed(3) : '–';
}

/** A parameter's bulk ESS in the table: rounded with thousands separators, '–' when not finite. */
export function essCell(p: BayesParameterSummary): string {
  return Number.isFinite(p.ess) ? Math.round(p.ess).toLocaleString('en-US') : '–';
}
