import type { BayesDiagnostics, MmmModel } from '../model/mmm-model.ts';
import { MAX_TREE_DEPTH } from '../spec/max-tree-depth.ts';
import { POSTERIOR_SELECTION_RULE } from '../fit/posterior/posterior-choice.ts';
import {
  convergenceFailures, posteriorWarnings, treeDepthShare, ESS_PER_CHAIN_MIN, RHAT_LIMIT, TREE_DEPTH_SHARE_LIMIT,
  type PosteriorSummary, type SummaryResult,
} from './summarize.ts';
import { rhatText } from './rhat-text.ts';

/**
 * What a Bayesian fit's point estimate is, beside its credible intervals: the CLI's posterior line, the
 * report's ROI table and docs/exports.md say it in these words.
 */
export const BAYES_POINT_TEXT = "The point estimate (ROI, contribution, curves) is one posterior draw, the one central in every channel's ROI (search.selectionRule), not the mean or median of the draws; mixwise optimize averages the stored draws' curves instead";

/** How a posterior check came out: within its limit, failing convergence, or a warning that does not fail it (tree depth). */
export type PosteriorCheckStatus = 'ok' | 'fails' | 'warning';

/** One figure of a Bayesian fit's sampler against its limit: a row of the report's table and of the dashboard's. */
export interface PosteriorCheck {
  /** summary.json's field ('chains' stands for chains × draws). */
  readonly key: 'chains' | 'max_rhat' | 'min_ess' | 'divergences' | 'tree_depth_hits';
  /** What is checked, e.g. 'max R-hat'. */
  readonly label: string;
  /** The figure as a number (chains × draws for 'chains'). */
  readonly value: number;
  /** The figure as shown, e.g. '1.004', 'not finite', '37 (1.2%)'. */
  readonly text: string;
  /** The limit in words, e.g. '< 1.01' ('' when there is none). */
  readonly limit: string;
  /** null when there is nothing to check (chains × draws). */
  readonly status: PosteriorCheckStatus | null;
}

/** What both the HTML report and the dashboard say about a Bayesian fit's sampler. */
export interface PosteriorDiagnostics {
  /** Whether the chains converged (summary.json `posterior.converged`). */
  readonly converged: boolean;
  /** The verdict sentence, naming any parameter whose R-hat is not finite. */
  readonly verdict: string;
  /** Chains × draws, max R-hat, min bulk ESS, divergences and (when recorded) tree-depth hits, each against its limit. */
  readonly checks: readonly PosteriorCheck[];
  /** The sampler's settings: 'NUTS, dense metric, target acceptance 0.9.' ('' when the records carry none). */
  readonly sampler: string;
  /**
   * The sampler's warnings (posteriorWarnings: why it did not converge and what to try; a frequent
   * tree-depth limit), each as 'Warning: …', the words summary.json, the CLI and the report's Fit section use.
   */
  readonly warnings: readonly { readonly code: string; readonly text: string }[];
}

/**
 * The diagnostic sentences and figures of a Bayesian fit's sampler, one source for the HTML report's
 * Posterior sampling section and the dashboard's model explorer, so the two say the same thing:
 * the verdict, R-hat, bulk ESS, divergences and tree-depth hits against their limits, the sampler's
 * settings, and its warnings (posteriorWarnings, as in summary.json and the CLI).
 * @param p summary.json's posterior record
 * @param bayes the model's sampler record (warm-up, metric), when at hand
 * @example posteriorDiagnostics({ ...p, divergences: 3, converged: false }).checks.find((c) => c.key === 'divergences')?.status // 'fails'
 */
export function posteriorDiagnostics(p: PosteriorSummary, bayes?: Pick<BayesDiagnostics, 'warmup' | 'metric' | 'targetAccept'>): PosteriorDiagnostics {
  const failures = new Set(convergenceFailures(p));
  const stuck = p.stuck_parameters ?? [];
  const essLimit = ESS_PER_CHAIN_MIN * p.chains;
  const status = (fails: boolean): PosteriorCheckStatus => (fails ? 'fails' : 'ok');
  const n = p.chains * p.draws;
  const checks: PosteriorCheck[] = [
    { key: 'chains', label: 'chains × draws (after warm-up)', value: n, limit: '', status: null,
      text: `${p.chains} × ${count(p.draws)}${bayes ? ` (warm-up ${count(bayes.warmup)})` : ''}` },
    { key: 'max_rhat', label: 'max R-hat', value: p.max_rhat, limit: `< ${RHAT_LIMIT}`, status: status(failures.has('rhat')),
      text: stuck.length > 0 ? 'not finite' : rhatText(p.max_rhat) },
    { key: 'min_ess', label: 'min bulk ESS', value: p.min_ess, limit: `≥ ${count(essLimit)} (${ESS_PER_CHAIN_MIN} per chain)`, status: status(failures.has('ess')),
      text: Number.isFinite(p.min_ess) ? count(p.min_ess) : 'not finite' },
    { key: 'divergences', label: 'divergent transitions', value: p.divergences, limit: '0', status: status(failures.has('divergences')),
      text: count(p.divergences) },
  ];
  if (p.tree_depth_hits !== undefined) {
    const share = treeDepthShare(p);
    checks.push({
      key: 'tree_depth_hits', label: `transitions at the tree-depth limit (${2 ** (p.max_tree_depth ?? MAX_TREE_DEPTH)} leapfrog steps)`,
      value: p.tree_depth_hits, text: `${count(p.tree_depth_hits)} (${(100 * share).toFixed(1)}%)`,
      limit: `≤ ${100 * TREE_DEPTH_SHARE_LIMIT}% (above, the sampler is inefficient)`, status: share > TREE_DEPTH_SHARE_LIMIT ? 'warning' : 'ok',
    });
  }
  const stuckText = stuck.length > 0
    ? ` R-hat is not finite for ${stuck.map((s) => `${s.name} (${s.reason === 'chains-apart' ? 'chains stuck at different values' : 'did not move'})`).join(', ')}.`
    : '';
  const verdict = p.converged
    ? 'The chains converged: the ROI intervals are 90% credible intervals of the posterior.'
    : `The chains did not converge, so treat the ROI intervals with care.${stuckText}`;
  // State only what the records carry. A sampler record without a metric predates dense metrics (so
  // diag); with no sampler record at all the metric is unknown and is not claimed.
  const targetAccept = p.target_accept ?? bayes?.targetAccept;
  const settings = [bayes ? `${bayes.metric ?? 'diag'} metric` : '', targetAccept !== undefined ? `target acceptance ${targetAccept}` : ''].filter((s) => s !== '');
  return {
    converged: p.converged,
    verdict,
    checks,
    sampler: settings.length > 0 ? `NUTS, ${settings.join(', ')}.` : '',
    warnings: posteriorWarnings(p).map((w) => ({ code: w.code, text: `Warning: ${w.message}.` })),
  };
}

/** How the ROI prior's source reads after its figures. */
const PRIOR_SOURCES = {
  given: 'given',
  // Meridian's revenue default: a pipeline, bookings or margin KPI has ROIs on another scale (DEFAULT_ROI_PRIOR).
  default: "the default, Meridian's for revenue in the spend's currency (for a pipeline, bookings or margin KPI, whose ROIs run on another scale, give a prior of your own or none)",
  'data-scaled': 'weak, scaled to the data (the fit had none)',
} as const;

/**
 * The ROI prior a fit used, in one sentence (with summary.json's roi_prior_note after it), for the HTML
 * report and the dashboard. One log-normal prior holds for every channel's ROI. For a Bayesian fit it
 * is the sampler's prior; for a ridge fit it weighted the hyperparameter posterior that chose the model,
 * or was not used when the model was chosen by the lowest search score (pass `model` to say which).
 * @param summary summary.json's roi_prior, roi_prior_note and posterior (null for ridge)
 * @param model the fitted model: its selection rule tells whether a ridge fit's posterior used the prior
 * @returns the sentence, or null for a ridge fit with neither a prior nor a note
 * @example roiPriorSentence({ roi_prior: { median: 1.22, sd_log: 0.9, source: 'default' }, roi_prior_note: null, posterior })
 *   // 'ROI prior, the same for every channel: log-normal with median 1.22 and σ of log ROI 0.9, the default, Meridian's for revenue …'
 */
export function roiPriorSentence(summary: Pick<SummaryResult, 'roi_prior' | 'roi_prior_note' | 'posterior'>, model?: Pick<MmmModel, 'search'>): string | null {
  const prior = summary.roi_prior;
  const bayes = summary.posterior !== null;
  const note = summary.roi_prior_note !== null ? ` ${summary.roi_prior_note}.` : '';
  if (prior === null) {
    if (bayes) return `ROI prior: not recorded (a model written before it was).${note}`;
    return note === '' ? null : `No ROI prior: the ROIs come from the data alone.${note}`;
  }
  const source = prior.source ? `, ${PRIOR_SOURCES[prior.source]}` : '';
  const weighted = model?.search.selectionRule.startsWith(POSTERIOR_SELECTION_RULE);
  const use = bayes || weighted === undefined ? ''
    : weighted ? '; it weighted the hyperparameter posterior that chose the model'
      : '; not used, since the model was the search\'s lowest score rather than the hyperparameter posterior\'s choice';
  return `ROI prior, the same for every channel: log-normal with median ${significant(prior.median)} and σ of log ROI ${prior.sd_log}${source}${use}.${note}`;
}

/** A count with thousands separators: 1,024. */
function count(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** Three significant digits without trailing zeros: 1.22, 0.448, 12300. */
function significant(x: number): string {
  return String(Number(x.toPrecision(3)));
}
