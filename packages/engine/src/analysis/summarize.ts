import type { MmmModel } from '../model/mmm-model.ts';
import { decompose, sumRange, type Decomposition } from './decomposition.ts';
import { contributionSlope } from '../model/channel-response.ts';
import { immediateShare } from './immediate-share.ts';
import { fitMetrics, type FitMetrics } from './fit-metrics.ts';
import { quantile } from '../stats/quantile.ts';
import { liftTestCheck, type LiftTestCheck } from './lift-test-check.ts';
import { fitWarnings, type FitWarning } from './fit-warnings.ts';

/** summary.json: the contract other tools read (see ARCHITECTURE.md). Totals are over the modeling window. */
export interface SummaryResult {
  readonly target: string;
  readonly periods: number;
  readonly window: { readonly start: string; readonly end: string };
  readonly fit: FitMetrics & { readonly holdout: (FitMetrics & { readonly periods: number }) | null };
  readonly channels: readonly ChannelSummary[];
  readonly baseline: { readonly contribution: number; readonly share: number; readonly components: Readonly<Record<string, number>> };
  readonly totals: { readonly kpi: number; readonly fitted: number; readonly spend: number; readonly mediaContribution: number };
  /** The model against each lift test it was calibrated on (empty without tests). */
  readonly lift_tests: readonly LiftTestCheck[];
  /** The log-normal ROI prior the hyperparameter posterior used (median, σ of log ROI), or null for none. */
  readonly roi_prior: { readonly median: number; readonly sd_log: number } | null;
  /** Why a revenue KPI got no ROI prior (spend and KPI look like different units), else null. */
  readonly roi_prior_note: string | null;
  /** For a Bayesian fit (--method bayes): how the sampler ran and whether it converged; null for ridge. */
  readonly posterior: PosteriorSummary | null;
  /** What to know before trusting a figure (fitWarnings): curves at the edge of their search range, too little data for seasonality. */
  readonly warnings: readonly FitWarning[];
}

/** summary.json's record of a Bayesian fit's sampler. */
export interface PosteriorSummary {
  readonly sampler: 'nuts';
  readonly chains: number;
  readonly draws: number;
  readonly divergences: number;
  readonly max_rhat: number;
  readonly min_ess: number;
  /** The mean acceptance the step size was tuned to (absent in summaries written before it was recorded, when it was 0.8). */
  readonly target_accept?: number;
  /**
   * R-hat < RHAT_LIMIT on every parameter, bulk ESS ≥ ESS_PER_CHAIN_MIN per chain and no divergences
   * (the thresholds of Vehtari et al. 2021 and the Stan warnings).
   */
  readonly converged: boolean;
}

/** Largest R-hat that counts as converged (Vehtari et al. 2021 recommend 1.01). */
export const RHAT_LIMIT = 1.01;
/** Smallest bulk ESS per chain that counts as enough (Vehtari et al. 2021: 100 per chain). */
export const ESS_PER_CHAIN_MIN = 100;

/** A convergence rule a Bayesian fit fails: R-hat too high, too few effective draws, or divergent transitions. */
export type ConvergenceFailure = 'rhat' | 'ess' | 'divergences';

/**
 * The convergence rules a sampler's record fails (none: converged). One rule for summary.json's
 * `converged`, the CLI's warning and the dashboard's verdict, which each say it in their own words.
 * @param p the posterior record (or the same fields from model.bayes)
 * @returns the failed rules, in the order rhat, ess, divergences
 * @example convergenceFailures({ chains: 4, max_rhat: 1.02, min_ess: 900, divergences: 0 }) // ['rhat']
 */
export function convergenceFailures(p: Pick<PosteriorSummary, 'chains' | 'max_rhat' | 'min_ess' | 'divergences'>): ConvergenceFailure[] {
  return [
    ...(p.max_rhat < RHAT_LIMIT ? [] : ['rhat' as const]),
    ...(p.min_ess >= ESS_PER_CHAIN_MIN * p.chains ? [] : ['ess' as const]),
    ...(p.divergences === 0 ? [] : ['divergences' as const]),
  ];
}

/** The target acceptance of fits made before it was a setting (Stan's default). */
const LEGACY_TARGET_ACCEPT = 0.8;

/**
 * The target acceptance to suggest when a fit had divergent transitions: the next of 0.9, 0.95, 0.99
 * above the one it used (smaller steps follow sharper curvature), or undefined at 0.99 or above.
 * @param current the fit's target acceptance (undefined: a fit from before it was recorded, 0.8)
 * @example higherTargetAccept(0.95) // 0.99
 */
export function higherTargetAccept(current: number | undefined): number | undefined {
  const used = current ?? LEGACY_TARGET_ACCEPT;
  return [0.9, 0.95, 0.99].find((v) => v > used + 1e-9);
}

export interface ChannelSummary {
  readonly name: string;
  readonly spend: number;
  readonly contribution: number;
  readonly roi: number;
  /** Extra KPI per extra unit of spend when the channel's whole spend is scaled up slightly. */
  readonly mroi: number;
  readonly share_of_spend: number;
  /** Share of the total media contribution. */
  readonly share_of_effect: number;
  /** 90% interval of the ROI: bootstrap (ridge) or credible (bayes); null when the bootstrap was disabled. */
  readonly roi_interval: readonly [number, number] | null;
  /** Spend per unit of KPI, for count KPIs (orders, leads); null for revenue. */
  readonly cpa: number | null;
  /** Share of the contribution that lands in the period of the spend (the rest is carryover). */
  readonly immediate_share: number;
}

/**
 * Everything summary.json holds, computed from a fitted model.
 * @example summarizeModel(model).channels.map((c) => [c.name, c.roi])
 */
export function summarizeModel(model: MmmModel, decomposition: Decomposition = decompose(model)): SummaryResult {
  const { start, end } = model.window;
  const fitEnd = end - model.holdout;
  const media = decomposition.components.filter((c) => c.group === 'media');
  const spendTotal = model.channels.reduce((s, ch) => s + sumRange(ch.spend, start, end), 0);
  const mediaTotal = media.reduce((s, c) => s + sumRange(c.values, start, end), 0);
  const channels: ChannelSummary[] = model.channels.map((ch, k) => {
    const spend = sumRange(ch.spend, start, end);
    const contribution = sumRange(media[k].values, start, end);
    const reps = model.bootstrapRoi.map((r) => r[k]).filter((v) => Number.isFinite(v));
    return {
      name: ch.name,
      spend,
      contribution,
      roi: spend > 0 ? contribution / spend : NaN,
      mroi: spend > 0 ? contributionSlope(ch, start, end) / spend : NaN,
      share_of_spend: spendTotal > 0 ? spend / spendTotal : 0,
      share_of_effect: mediaTotal > 0 ? contribution / mediaTotal : 0,
      roi_interval: reps.length >= 10 ? [quantile(reps, 0.05), quantile(reps, 0.95)] : null,
      cpa: model.target.kind === 'count' && contribution > 0 ? spend / contribution : null,
      immediate_share: immediateShare(ch, start, end),
    };
  });
  const components: Record<string, number> = {};
  let baselineTotal = 0;
  for (const c of decomposition.components) {
    if (c.group === 'media') continue;
    const v = sumRange(c.values, start, end);
    components[c.group] = (components[c.group] ?? 0) + v;
    baselineTotal += v;
  }
  const kpi = sumRange(decomposition.actual, start, end);
  const fittedTotal = sumRange(decomposition.fitted, start, end);
  const inSample = fitMetrics(decomposition.actual, decomposition.fitted, start, fitEnd, model);
  const holdout = model.holdout > 0
    ? { ...fitMetrics(decomposition.actual, decomposition.fitted, fitEnd, end, model), periods: model.holdout }
    : null;
  return {
    target: model.target.name,
    periods: end - start,
    window: { start: model.dates[start], end: model.dates[end - 1] },
    fit: { ...inSample, holdout },
    channels,
    baseline: { contribution: baselineTotal, share: fittedTotal !== 0 ? baselineTotal / fittedTotal : NaN, components },
    totals: { kpi, fitted: fittedTotal, spend: spendTotal, mediaContribution: mediaTotal },
    lift_tests: liftTestCheck(model),
    ...roiPriorSummary(model),
    posterior: posteriorSummary(model),
    warnings: fitWarnings(model),
  };
}

/** summary.json's posterior record from the model's Bayesian diagnostics (null for a ridge fit). */
function posteriorSummary(model: MmmModel): PosteriorSummary | null {
  const b = model.bayes;
  if (!b) return null;
  const record = { sampler: b.sampler, chains: b.chains, draws: b.draws, divergences: b.divergences, max_rhat: b.maxRhat, min_ess: b.minEss,
    target_accept: b.targetAccept ?? LEGACY_TARGET_ACCEPT };
  return { ...record, converged: convergenceFailures(record).length === 0 };
}

/** summary.json's roi_prior and roi_prior_note, from the model's spec and search record. */
function roiPriorSummary(model: MmmModel): Pick<SummaryResult, 'roi_prior' | 'roi_prior_note'> {
  const prior = model.spec.search.roiPrior;
  return { roi_prior: prior ? { median: prior.median, sd_log: prior.sdLog } : null, roi_prior_note: model.search.roiPriorNote ?? null };
}

/** summary.json as stored by any version: `lift_tests`, `roi_prior`, `roi_prior_note`, `posterior` and `warnings` appeared after the first release. */
type LaterFields = 'lift_tests' | 'roi_prior' | 'roi_prior_note' | 'posterior' | 'warnings';
export type StoredSummary = Omit<SummaryResult, LaterFields> & Partial<Pick<SummaryResult, LaterFields>>;

/**
 * A stored summary.json brought to the current shape: `lift_tests`, `roi_prior`, `roi_prior_note`, `posterior` and `warnings`
 * computed from the model when the file was written before they existed (every other field is as stored).
 * @param stored the parsed summary.json
 * @param model the run's model.json
 * @example completeSummary(olderSummary, model).lift_tests // liftTestCheck(model)
 */
export function completeSummary(stored: StoredSummary, model: MmmModel): SummaryResult {
  return { ...roiPriorSummary(model), posterior: posteriorSummary(model), warnings: fitWarnings(model), ...stored, lift_tests: stored.lift_tests ?? liftTestCheck(model) };
}
