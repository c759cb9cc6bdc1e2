import { roiOutsideIntervalWarnings } from './roi-outside-interval.ts';
import type { MmmModel } from '../model/mmm-model.ts';
import { decompose, sumRange, type Decomposition } from './decomposition.ts';
import { assertUsableModel } from '../model/parse-model.ts';
import { contributionSlope } from '../model/channel-response.ts';
import { channelActualSpend } from '../model/actual-spend.ts';
import { immediateShare } from './immediate-share.ts';
import { channelEffectTiming, type ChannelEffectTiming } from './effect-timing.ts';
import { fitMetrics, rangeFitMetrics, type FitMetrics, type RangeFitMetrics } from './fit-metrics.ts';
import { missingRows, observedRows } from '../spec/observed-rows.ts';
import { listSum } from '../design/row-moments.ts';
import { replicateIntervals } from './replicate-intervals.ts';
import { liftTestCheck, type LiftTestCheck } from './lift-test-check.ts';
import { fitWarnings, type FitWarning } from './fit-warnings.ts';
import { poorFitWarning } from './poor-fit.ts';
import { liftConflictWarnings } from './lift-conflict-warning.ts';
import { MAX_TREE_DEPTH } from '../spec/max-tree-depth.ts';
import { FALLBACK_MEDIA_SHARE } from '../fit/bayes/bayes-roi-prior.ts';
import { RHAT_LIMIT, rhatText } from './rhat-text.ts';
import { exposureChannelNames, geoResults, geosNote, type GeoResult } from './geo-results.ts';
import type { SummaryRefresh } from './compare-runs.ts';

/** summary.json: the contract other tools read (see ARCHITECTURE.md). Totals are over the modeling window. */
export interface SummaryResult {
  readonly target: string;
  /** ISO 4217 code of spend (and of a revenue KPI) when the fit was given one (--currency); absent: unstated. Amounts stay plain numbers. */
  readonly currency?: string;
  readonly periods: number;
  readonly window: { readonly start: string; readonly end: string };
  /**
   * Fit metrics over the fitted periods whose KPI is observed; `holdout` over the held-out ones, null
   * without a holdout or when no held-out period has a KPI (see rangeFitMetrics).
   */
  readonly fit: FitMetrics & { readonly holdout: RangeFitMetrics | null };
  readonly channels: readonly ChannelSummary[];
  readonly baseline: { readonly contribution: number; readonly share: number; readonly components: Readonly<Record<string, number>> };
  /**
   * Organic media (exposure without spend), each a part of the baseline (`baseline.components.organic`
   * is their sum): total exposure and contribution over the window, measured against zero exposure,
   * and the contribution's share of the fitted KPI. No ROI: there is no spend. Absent without organic media.
   */
  readonly organic?: readonly OrganicSummary[];
  /** `kpi` sums the KPI over the window periods where it is observed; `fitted`, `spend` and `mediaContribution` over every window period. */
  readonly totals: { readonly kpi: number; readonly fitted: number; readonly spend: number; readonly mediaContribution: number };
  /**
   * Window periods whose KPI is missing and that were left out of the fit (spec/observed-rows.ts):
   * how many, and their dates in order. Their spend, contributions and fitted values are in every
   * other figure (estimated by the model); only figures that compare the model with the KPI skip
   * them. Absent when every window period has a KPI.
   */
  readonly missing_kpi?: { readonly periods: number; readonly dates: readonly string[] };
  /** The model against each lift test it was calibrated on (empty without tests). */
  readonly lift_tests: readonly LiftTestCheck[];
  /**
   * The log-normal ROI prior the fit used (median, σ of log ROI), or null for none. For a Bayesian fit
   * it is the sampler's prior, with `source`: 'given', 'default', or 'data-scaled' when the fit had
   * none (the sampler needs a proper prior on every ROI; bayesRoiPrior).
   */
  readonly roi_prior: { readonly median: number; readonly sd_log: number; readonly source?: 'given' | 'default' | 'data-scaled' } | null;
  /** Why a revenue KPI got no ROI prior (spend and KPI look like different units), or why a Bayesian fit used a data-scaled one; else null. */
  readonly roi_prior_note: string | null;
  /** For a Bayesian fit (--method bayes): how the sampler ran and whether it converged; null for ridge. */
  readonly posterior: PosteriorSummary | null;
  /** What to know before trusting a figure (fitWarnings): curves at the edge of their search range, too little data for seasonality. */
  readonly warnings: readonly FitWarning[];
  /**
   * A geo-level model's results per geo (geoResults over the window: KPI, fitted KPI, spend and
   * contributions summed over the same periods as `totals` and `channels`, so they add up to them;
   * R² over the fitted periods, as `fit.r2`). Absent for a national model.
   */
  readonly geos?: readonly GeoResult[];
  /** Beside `geos` (GEOS_NOTE): per-geo ROIs differ only by operating point on the shared curves; a geo's fitted total reconciles, R² measures. */
  readonly geos_note?: string;
  /** Set by `mixwise fit --refresh`: the earlier run and the comparison with it. Absent otherwise (and never computed here). */
  readonly refresh?: SummaryRefresh;
}

/** summary.json's figures of one organic media series (SummaryResult.organic). */
export interface OrganicSummary {
  readonly name: string;
  /** Σ exposure over the window, in the column's own units. */
  readonly exposure: number;
  /** Σ contribution over the window, KPI units, against zero exposure. */
  readonly contribution: number;
  /** contribution / Σ fitted KPI over the window. */
  readonly share_of_kpi: number;
  /**
   * 90% interval of the contribution (5% and 95% quantiles of model.organicContributionDraws: the
   * bootstrap replicates' refits, or the Bayesian fit's stored draws); absent without replicates.
   */
  readonly contribution_interval?: readonly [number, number] | null;
  /** When a period's exposure has its effect (effectTiming of its fitted adstock), as for channels. */
  readonly effect_timing: ChannelEffectTiming;
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
  /** Post-warm-up transitions stopped by the tree-depth limit (2^max_tree_depth leapfrog steps); absent in older summaries. */
  readonly tree_depth_hits?: number;
  readonly max_tree_depth?: number;
  /** Parameters whose R-hat is not finite (chains stuck apart, or no movement at all); max_rhat is over the others. Absent in older summaries. */
  readonly stuck_parameters?: readonly { readonly name: string; readonly reason: 'chains-apart' | 'not-moving' }[];
  /**
   * R-hat < RHAT_LIMIT (and finite) on every parameter, bulk ESS ≥ ESS_PER_CHAIN_MIN per chain and no divergences
   * (the thresholds of Vehtari et al. 2021 and the Stan warnings).
   */
  readonly converged: boolean;
}

/** Largest R-hat that counts as converged (rhat-text.ts, where R-hats are formatted against it). */
export { RHAT_LIMIT };
/** Smallest bulk ESS per chain that counts as enough (Vehtari et al. 2021: 100 per chain). */
export const ESS_PER_CHAIN_MIN = 100;

/** A convergence rule a Bayesian fit fails: R-hat too high, too few effective draws, or divergent transitions. */
export type ConvergenceFailure = 'rhat' | 'ess' | 'divergences';

/**
 * The convergence rules a sampler's record fails (none: converged). One rule for summary.json's
 * `converged`, the CLI's warning and the dashboard's verdict, which each say it in their own words.
 * @param p the posterior record (or the same fields from model.bayes); a stuck parameter (R-hat not finite) fails 'rhat'
 * @returns the failed rules, in the order rhat, ess, divergences
 * @example convergenceFailures({ chains: 4, max_rhat: 1.02, min_ess: 900, divergences: 0 }) // ['rhat']
 */
export function convergenceFailures(p: Pick<PosteriorSummary, 'chains' | 'max_rhat' | 'min_ess' | 'divergences' | 'stuck_parameters'>): ConvergenceFailure[] {
  const stuck = (p.stuck_parameters?.length ?? 0) > 0;
  return [
    ...(p.max_rhat < RHAT_LIMIT && !stuck ? [] : ['rhat' as const]),
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
  /** Extra KPI over the window per extra unit of spend when the channel's spend in the window is scaled up slightly (spend before the window held fixed). */
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
  /**
   * When a period's spend has its effect (effectTiming of the fitted adstock): the lag with the
   * largest carryover weight and the first lags by which 50% and 90% of it has landed, in periods of
   * the data (`period`) after the spend, 0 being the period of the spend. Absent in summaries written
   * before it was recorded (completeSummary fills it in from the model).
   */
  readonly effect_timing?: ChannelEffectTiming;
  /**
   * Set when the channel was modelled on its exposure (ModelChannel.media): the exposure column and its
   * average cost per 1,000 exposure units over the window. Absent for a channel modelled on spend.
   */
  readonly media?: { readonly basis: 'exposure'; readonly column: string; readonly cost_per_1000: number };
}

/**
 * Everything summary.json holds, computed from a fitted model.
 * @param model the fitted model (parseModel for model.json)
 * @param given its decomposition, when already computed (default decompose(model))
 * @throws EngineError INVALID_ARGUMENT when `model` is not a model, naming what is missing (assertUsableModel)
 * @example summarizeModel(model).channels.map((c) => [c.name, c.roi])
 */
export function summarizeModel(model: MmmModel, given?: Decomposition): SummaryResult {
  assertUsableModel(model, 'summarizeModel');
  const decomposition = given ?? decompose(model);
  const { start, end } = model.window;
  const fitEnd = end - model.holdout;
  const media = decomposition.components.filter((c) => c.group === 'media');
  const spendTotal = model.channels.reduce((s, ch) => s + sumRange(channelActualSpend(ch), start, end), 0);
  const mediaTotal = media.reduce((s, c) => s + sumRange(c.values, start, end), 0);
  const intervals = replicateIntervals(model.bootstrapRoi, model.channels.length);
  const channels: ChannelSummary[] = model.channels.map((ch, k) => {
    // Actual spend: a channel modelled on exposure sums to the same over the window, up to rounding.
    const spend = sumRange(channelActualSpend(ch), start, end);
    const contribution = sumRange(media[k].values, start, end);
    return {
      name: ch.name,
      spend,
      contribution,
      roi: spend > 0 ? contribution / spend : NaN,
      mroi: spend > 0 ? contributionSlope(ch, start, end) / spend : NaN,
      share_of_spend: spendTotal > 0 ? spend / spendTotal : 0,
      share_of_effect: mediaTotal > 0 ? contribution / mediaTotal : 0,
      roi_interval: intervals[k],
      cpa: model.target.kind === 'count' && contribution > 0 ? spend / contribution : null,
      immediate_share: immediateShare(ch, start, end),
      effect_timing: channelEffectTiming(model, k),
      ...(ch.media === undefined ? {} : { media: { basis: 'exposure' as const, column: ch.media.column, cost_per_1000: 1000 * ch.media.costPerUnit } }),
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
  const kpi = listSum(decomposition.actual, observedRows(decomposition.actual, start, end));
  const missing = missingRows(decomposition.actual, start, end);
  const fittedTotal = sumRange(decomposition.fitted, start, end);
  const inSample = fitMetrics(decomposition.actual, decomposition.fitted, start, fitEnd, model);
  const holdout = model.holdout > 0 ? rangeFitMetrics(decomposition.actual, decomposition.fitted, fitEnd, end, model) : null;
  return {
    target: model.target.name,
    ...(model.money?.currency === undefined ? {} : { currency: model.money.currency }),
    periods: end - start,
    window: { start: model.dates[start], end: model.dates[end - 1] },
    fit: { ...inSample, holdout },
    channels,
    baseline: { contribution: baselineTotal, share: fittedTotal !== 0 ? baselineTotal / fittedTotal : NaN, components },
    ...(model.organic !== undefined && model.organic.length > 0 ? { organic: organicSummary(model, decomposition, fittedTotal) } : {}),
    totals: { kpi, fitted: fittedTotal, spend: spendTotal, mediaContribution: mediaTotal },
    ...(missing.length > 0 ? { missing_kpi: { periods: missing.length, dates: missing.map((t) => model.dates[t]) } } : {}),
    lift_tests: liftTestCheck(model),
    ...roiPriorSummary(model),
    posterior: posteriorSummary(model),
    warnings: allWarnings(model, inSample.r2, channels),
    ...(model.panel === undefined ? {} : { geos: geoResults(model, start, end), geos_note: geosNote(model.panel.sizeColumn, exposureChannelNames(model)) }),
  };
}

/** Each organic series' exposure and contribution (its 'organic' decomposition component) over the window. */
function organicSummary(model: MmmModel, decomposition: Decomposition, fittedTotal: number): OrganicSummary[] {
  const { start, end } = model.window;
  const organic = model.organic ?? [];
  const draws = model.organicContributionDraws;
  const intervals = draws === undefined ? undefined : replicateIntervals(draws, organic.length);
  return organic.map((o, k) => {
    const component = decomposition.components.find((c) => c.group === 'organic' && c.name === o.name);
    const contribution = component === undefined ? 0 : sumRange(component.values, start, end);
    return {
      name: o.name, exposure: sumRange(o.exposure, start, end), contribution, share_of_kpi: fittedTotal !== 0 ? contribution / fittedTotal : NaN,
      effect_timing: channelEffectTiming({ channels: organic, frequency: model.frequency }, k),
      ...(intervals !== undefined ? { contribution_interval: intervals[k] } : {}),
    };
  });
}

/** POOR_FIT (poorFitWarning on the in-sample R²), fitWarnings, LIFT_TEST_CONFLICT (liftConflictWarnings), ROI_OUTSIDE_INTERVAL and, for a Bayesian fit, the sampler's (posteriorWarnings). */
function allWarnings(model: MmmModel, r2: number, channels: Parameters<typeof roiOutsideIntervalWarnings>[0]): FitWarning[] {
  const posterior = posteriorSummary(model);
  const poor = poorFitWarning(r2, model.target.name);
  return [...(poor ? [poor] : []), ...fitWarnings(model), ...liftConflictWarnings(model), ...roiOutsideIntervalWarnings(channels), ...(posterior ? posteriorWarnings(posterior) : [])];
}

/** summary.json's posterior record from the model's Bayesian diagnostics (null for a ridge fit). */
function posteriorSummary(model: MmmModel): PosteriorSummary | null {
  const b = model.bayes;
  if (!b) return null;
  const record = { sampler: b.sampler, chains: b.chains, draws: b.draws, divergences: b.divergences, max_rhat: b.maxRhat, min_ess: b.minEss,
    target_accept: b.targetAccept ?? LEGACY_TARGET_ACCEPT, tree_depth_hits: b.treeDepthHits, max_tree_depth: MAX_TREE_DEPTH,
    stuck_parameters: b.stuckParameters ?? [] };
  return { ...record, converged: convergenceFailures(record).length === 0 };
}

/** Share of post-warm-up transitions stopped by the tree-depth limit above which the fit warns. */
export const TREE_DEPTH_SHARE_LIMIT = 0.1;

/** Share of a Bayesian fit's post-warm-up transitions that hit the tree-depth limit (0 when not recorded). */
export function treeDepthShare(p: Pick<PosteriorSummary, 'chains' | 'draws' | 'tree_depth_hits'>): number {
  const n = p.chains * p.draws;
  return n > 0 ? (p.tree_depth_hits ?? 0) / n : 0;
}

/**
 * The warnings of a Bayesian fit's sampler (summary.json `warnings`, the fit output, report.html):
 * NOT_CONVERGED when convergenceFailures finds any (why, and what to try), TREE_DEPTH_LIMIT when more
 * than TREE_DEPTH_SHARE_LIMIT of the transitions hit the tree-depth limit (not a failure of the
 * draws, but each such draw cost 2^max_tree_depth gradients and moved less far than it could: the
 * adapted step size is small against the posterior's scale, or the metric fits it badly).
 * @example posteriorWarnings({ ...p, max_rhat: 1.03, converged: false })[0].code // 'NOT_CONVERGED'
 */
export function posteriorWarnings(p: PosteriorSummary): FitWarning[] {
  const out: FitWarning[] = [];
  const failures = convergenceFailures(p);
  if (failures.length > 0) {
    const stuck = p.stuck_parameters ?? [];
    const apart = stuck.filter((s) => s.reason === 'chains-apart').map((s) => s.name);
    const unmoved = stuck.filter((s) => s.reason === 'not-moving').map((s) => s.name);
    const rhat = [
      ...(p.max_rhat >= RHAT_LIMIT ? [`max R-hat ${rhatText(p.max_rhat)} ≥ ${RHAT_LIMIT} (the chains disagree)`] : []),
      ...(apart.length > 0 ? [`R-hat infinite for ${listNames(apart)} (the chains are stuck at different values)`] : []),
      ...(unmoved.length > 0 ? [`R-hat undefined for ${listNames(unmoved)} (the parameter did not move in any chain)`] : []),
    ].join(', ');
    const words = {
      rhat,
      ess: `ESS < ${ESS_PER_CHAIN_MIN * p.chains}`,
      divergences: 'divergences (regions the sampler could not follow)',
    };
    const higher = failures.includes('divergences') ? higherTargetAccept(p.target_accept) : undefined;
    const divergent = higher === undefined ? '' : ` smaller steps against divergences (--target-accept ${higher}),`;
    out.push({
      code: 'NOT_CONVERGED', channel: null,
      message: `not converged: ${failures.map((f) => words[f]).join(', ')}. Treat the intervals with care; run longer (--warmup, --draws),${divergent} or simplify the model (fewer channels, fixed --adstock)`,
    });
  }
  const share = treeDepthShare(p);
  if (share > TREE_DEPTH_SHARE_LIMIT) {
    const depth = p.max_tree_depth ?? MAX_TREE_DEPTH;
    out.push({
      code: 'TREE_DEPTH_LIMIT', channel: null,
      message: `the sampler hit its tree-depth limit (${2 ** depth} leapfrog steps) in ${(100 * share).toFixed(0)}% of transitions (${p.tree_depth_hits} of ${p.chains * p.draws}), `
        + 'which makes it inefficient: those draws cost the most and move less far than they could, so fewer are effectively independent. '
        + 'Run more warm-up (--warmup) so the step size and metric adapt, a lower --target-accept (larger steps), or more --draws',
    });
  }
  return out;
}

/** 'a, b and 2 more': the first names of a list. */
function listNames(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** summary.json's roi_prior and roi_prior_note, from the model's spec and search record, or the Bayesian sampler's prior. */
function roiPriorSummary(model: MmmModel): Pick<SummaryResult, 'roi_prior' | 'roi_prior_note'> {
  const used = model.bayes?.roiPrior;
  if (used) {
    const note = used.source === 'data-scaled' ? dataScaledPriorNote(model, used.median, used.sdLog) : model.search.roiPriorNote ?? null;
    return { roi_prior: { median: used.median, sd_log: used.sdLog, source: used.source }, roi_prior_note: note };
  }
  const prior = model.spec.search.roiPrior;
  const source = model.search.roiPriorSource;
  return { roi_prior: prior ? { median: prior.median, sd_log: prior.sdLog, ...(source ? { source } : {}) } : null, roi_prior_note: model.search.roiPriorNote ?? null };
}

/** Why a Bayesian fit without an ROI prior used the data-scaled one, in the words of summary.json's roi_prior_note. */
function dataScaledPriorNote(model: MmmModel, median: number, sdLog: number): string {
  const why = model.target.kind === 'count' ? `a count KPI (${model.target.name}) has no default ROI prior`
    : model.search.roiPriorNote !== undefined ? `spend and ${model.target.name} do not look like the same currency, so the default ROI prior was not used`
      : 'no ROI prior was given (--roi-prior none)';
  return `${why}, but the Bayesian sampler needs a proper prior on every ROI (with a flat one the ROI of a channel the data barely see drifts without limit), `
    + `so it used a weak one scaled to the data: log-normal with median ${median.toPrecision(3)} (media driving ${(100 * FALLBACK_MEDIA_SHARE).toFixed(0)}% of ${model.target.name} at equal ROIs) `
    + `and σ of log ROI ${sdLog} (a factor of ${Math.exp(2 * sdLog).toFixed(0)} either way at ±2σ)`;
}

/** summary.json as stored by any version: `lift_tests`, `roi_prior`, `roi_prior_note`, `posterior` and `warnings` appeared after the first release. */
type LaterFields = 'lift_tests' | 'roi_prior' | 'roi_prior_note' | 'posterior' | 'warnings';
export type StoredSummary = Omit<SummaryResult, LaterFields> & Partial<Pick<SummaryResult, LaterFields>>;

/**
 * A stored summary.json brought to the current shape: `lift_tests`, `roi_prior`, `roi_prior_note`, `posterior`, `warnings`
 * and each channel's `effect_timing` computed from the model when the file was written before they existed, and a geo-level model's
 * `geos` when missing; `geos_note` always from the model (every other field is as stored).
 * @param stored the parsed summary.json
 * @param model the run's model.json
 * @example completeSummary(olderSummary, model).lift_tests // liftTestCheck(model)
 */
export function completeSummary(stored: StoredSummary, model: MmmModel): SummaryResult {
  const channels = stored.channels.map((c) => {
    const k = model.channels.findIndex((ch) => ch.name === c.name);
    return c.effect_timing !== undefined || k < 0 ? c : { ...c, effect_timing: channelEffectTiming(model, k) };
  });
  const geos = model.panel === undefined || stored.geos !== undefined ? {} : { geos: geoResults(model) };
  // geos_note is wording about the model, not a figure: always today's (older files said "spend" for channels on exposure).
  const note = model.panel === undefined ? {} : { geos_note: geosNote(model.panel.sizeColumn, exposureChannelNames(model)) };
  return { ...roiPriorSummary(model), posterior: posteriorSummary(model), warnings: allWarnings(model, stored.fit.r2, channels), ...geos, ...stored, ...note, channels, lift_tests: stored.lift_tests ?? liftTestCheck(model) };
}
