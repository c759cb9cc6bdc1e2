/**
 * What the model explorer's posterior section says about a fit. For a Bayesian fit: the verdict, the
 * sampler's checks against their limits, its warnings and the ROI prior, in the words of the HTML
 * report (the engine's posteriorDiagnostics and roiPriorSentence), plus the step sizes and the
 * sampled parameters, worst R-hat first. For a ridge fit, which has no sampler chains: only the ROI
 * prior and what it weighted. Pure: PosteriorSection.tsx only lays it out.
 */
import {
  posteriorDiagnostics, rhatText, roiPriorSentence, ESS_PER_CHAIN_MIN, RHAT_LIMIT,
  type BayesParameterSummary, type MmmModel, type PosteriorCheck, type SummaryResult,
} from '@mixwise/engine';

/** The posterior section of a Bayesian fit: its text and table rows. */
export interface BayesPosteriorView {
  readonly kind: 'bayes';
  /** The verdict badge. */
  readonly verdict: 'converged' | 'not converged';
  /** The verdict sentence (as in the report). */
  readonly verdictText: string;
  /** Chains × draws, max R-hat, min bulk ESS, divergences, tree-depth hits against their limits (as in the report). */
  readonly checks: readonly PosteriorCheck[];
  /** The sampler's warnings, 'Warning: …' (as in the report's Fit section and the CLI). */
  readonly warnings: readonly { readonly code: string; readonly text: string }[];
  /** The ROI prior the sampler used (as in the report). */
  readonly prior: string | null;
  /** Sampler settings and the adapted step size of each chain. */
  readonly sampler: string;
  /** Every sampled parameter, worst R-hat first (a non-finite R-hat last). */
  readonly rows: readonly BayesParameterSummary[];
  /** Bulk ESS below which a parameter is flagged: ESS_PER_CHAIN_MIN per chain. */
  readonly essLimit: number;
  /** The parameter table's caption. */
  readonly caption: string;
}

/** The section of a ridge fit: no sampler, so no R-hat, ESS, divergences or tree depth; the ROI prior and what it weighted. */
export interface RidgePosteriorView {
  readonly kind: 'ridge';
  readonly prior: string;
  readonly note: string;
}

export type PosteriorView = BayesPosteriorView | RidgePosteriorView;

/** What the section says of a ridge fit under its ROI prior. */
export const RIDGE_NOTE = 'A ridge fit has no sampler chains, so there are no R-hat, ESS, divergence or tree-depth figures; '
  + 'its ROI intervals, when there are any, are bootstrap intervals. Fit with the Bayesian method for the sampler\'s diagnostics.';

/**
 * The posterior section of a model: a Bayesian fit's sampler, a ridge fit's ROI prior, or null for a
 * ridge fit without a prior or a note, or a Bayesian record without the model's sampler record.
 * A non-finite R-hat (chains stuck apart, or a parameter that never moved) is never shown as the
 * finite maximum: its check reads "not finite" and the verdict names the stuck parameters.
 * @param model the fitted model (its bayes diagnostics: chains, draws, step sizes, parameters)
 * @param summary summary.json (posterior: verdict, max R-hat, min ESS, divergences; roi_prior and its note)
 */
export function posteriorView(model: MmmModel, summary: Pick<SummaryResult, 'posterior' | 'roi_prior' | 'roi_prior_note'>): PosteriorView | null {
  const posterior = summary.posterior;
  const prior = roiPriorSentence(summary, model);
  if (!posterior) return prior === null ? null : { kind: 'ridge', prior, note: RIDGE_NOTE };
  const b = model.bayes;
  if (!b) return null;
  const d = posteriorDiagnostics(posterior, b);
  const essLimit = ESS_PER_CHAIN_MIN * posterior.chains;
  return {
    kind: 'bayes',
    verdict: d.converged ? 'converged' : 'not converged',
    verdictText: d.verdict,
    checks: d.checks,
    warnings: d.warnings,
    prior,
    sampler: `${d.sampler} Adapted step size per chain: ${b.stepSizes.map((e) => e.toPrecision(2)).join(' / ')}.`,
    rows: [...b.parameters].sort((x, y) => rank(y) - rank(x)),
    essLimit,
    caption: `Sampled parameters on the sampler's unconstrained scale (log ROI, log share of organic media, logit of each curve parameter's range, log σ), worst R-hat first; flagged: R-hat ≥ ${RHAT_LIMIT} or ESS below ${essLimit}`,
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

/** A parameter's R-hat in the table: 3 decimals, more beside the limit (engine rhatText), '–' when not finite. */
export function rhatCell(p: BayesParameterSummary): string {
  return Number.isFinite(p.rhat) ? rhatText(p.rhat) : '–';
}

/** A parameter's bulk ESS in the table: rounded with thousands separators, '–' when not finite. */
export function essCell(p: BayesParameterSummary): string {
  return Number.isFinite(p.ess) ? Math.round(p.ess).toLocaleString('en-US') : '–';
}
