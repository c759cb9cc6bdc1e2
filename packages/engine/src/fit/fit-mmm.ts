import type { ModelingTable } from '../spec/modeling-table.ts';
import { controlTermColumn } from '../model/baseline-term-column.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import type { ModelSpecOverrides } from '../spec/merge-spec.ts';
import { checkedFitSpec } from './checked-spec.ts';
import type { BatchEvaluatorFactory } from './search/evaluator.ts';
import { buildSearchProblem, paidChannelCount, searchDimension, withoutValidation, OBJECTIVES, type SearchProblem } from './search/search-problem.ts';
import { createCandidateEvaluator, type CandidateFit } from './search/candidate-evaluator.ts';
import { runSearch, inThreadEvaluator, type Progress } from './search/run-search.ts';
import { paretoFront } from './search/pareto.ts';
import { topCandidates } from './select-model.ts';
import { defaultRoiPrior } from './posterior/default-roi-prior.ts';
import { fittedRows } from '../spec/fitted-rows.ts';
import { sizeColumn } from '../spec/panel.ts';
import { chooseDefaultModel, describeChoice } from './posterior/choose-default-model.ts';
import { recentreOnIntervals } from './posterior/recentre-on-intervals.ts';
import { NATIONAL_MODEL_SCHEMA_VERSION, PANEL_MODEL_SCHEMA_VERSION, type MmmModel, type ModelChannel, type ModelOrganic, type ParetoModel } from '../model/mmm-model.ts';
import { channelContribution } from '../model/channel-response.ts';
import { bootstrapRoi } from './bootstrap-roi.ts';
import { candidateChannels, candidateMedia } from './candidate-channels.ts';
import { mediaRoi } from './panel-contribution.ts';
import { mediaInputTable } from './media-input.ts';
import { bayesModel, bayesSettings } from './bayes/fit-bayes.ts';
import type { ChainRunner } from './bayes/chain-job.ts';
import { cancelCheck, type CancelSignal } from './cancellation.ts';

export interface FitOptions {
  /** Parallel evaluation (worker pool); default evaluates in the calling thread. */
  readonly parallel?: BatchEvaluatorFactory;
  readonly onProgress?: (p: Progress) => void;
  /** Aborting it stops the fit with EngineError CANCELLED (checked between steps of every phase). */
  readonly signal?: CancelSignal;
  /** Polled between steps of every phase; true stops the fit with EngineError CANCELLED. */
  readonly isCancelled?: () => boolean;
  /** Where the Bayesian fit's chains run (method 'bayes'); default one after another in this thread. */
  readonly chains?: ChainRunner;
}

/**
 * Fit a marketing mix model: multi-objective hyperparameter search (adstock, saturation, ridge λ) by
 * differential evolution, choice of the default model by chooseDefaultModel (hyperparameter posterior
 * medoid, or SELECTION_RULE), refit of that choice on all
 * non-holdout rows (with lift tests, coefficients calibrated by them as every bootstrap refit's are),
 * and bootstrap replicates for ROI intervals. With `method: 'bayes'` the chosen
 * model starts a NUTS sampler over the joint posterior instead of the bootstrap (bayes/fit-bayes.ts).
 * With table.panel set the model is geo-level (spec/panel.ts, fit/search/panel-evaluator.ts): fitted on
 * every geo's series, stored as the national model plus model.panel, each channel's panel and each geo
 * control's panelValues (the Bayesian method and organic media are refused; a channel on exposure is
 * converted per geo at its national cost per unit: panelMediaInput; a lift test may name the geos it ran in).
 * A period whose KPI is NaN is left out of every objective, likelihood and residual but keeps its
 * spend, carryover and contributions (spec/observed-rows.ts, docs/model.md §5a); model.actual keeps the NaN.
 *
 * The posterior's length is spec.search.posterior, and when that is unset DEFAULT_POSTERIOR_ITERATIONS
 * (20,000) whatever search.iterations is: `{ search: { iterations: 2000 } }` still runs a 20,000-iteration
 * chain (most of such a fit's time). The CLI, server and dashboard scale an unset posterior with the
 * search; here pass it, e.g. `{ search: { iterations: 2000, posterior: scaledPosteriorIterations(2000) } }`
 * (2,000), a fixed length, or 0 to choose by lowest score (docs/engine.md, "Fitting").
 * @param data the modeling table (a channel with ChannelSpec.media 'exposure' is modelled on spend-equivalent exposure: mediaInputTable)
 * @param spec a full or partial spec (missing parts from defaultModelSpec)
 * @throws EngineError TOO_FEW_PERIODS (also when too few training periods have a known KPI), NO_CHANNELS, CANCELLED (options.signal or isCancelled);
 *   INVALID_ARGUMENT / SHAPE_MISMATCH / NON_FINITE for a bad table or spec, with `at` (checkedFitSpec)
 * @example const model = await fitMmm(simulatePreset('retail', 7).table); model.channels.length // 5
 */
export async function fitMmm(data: ModelingTable, spec: ModelSpecOverrides = {}, options: FitOptions = {}): Promise<MmmModel> {
  options = { ...options, isCancelled: cancelCheck(options) }; // every phase polls isCancelled: make it see the signal too
  const given = checkedFitSpec(data, spec); // table, spec and fitted rows checked before any fitting
  // The one place a channel's media variable is chosen: from here on its `spend` is what the transforms see.
  const { table, media } = mediaInputTable(data, given.channels, given.window);
  // The ROI prior's default depends on the KPI: an ROI has a common scale only for revenue, in the spend's currency.
  const auto = given.search.roiPrior === undefined ? defaultRoiPrior(table, fittedRows(given)) : undefined;
  const roiPrior = auto === undefined ? given.search.roiPrior ?? null : auto.prior;
  const full: ModelSpec = { ...given, search: { ...given.search, roiPrior } };
  if (full.method === 'bayes') bayesSettings(full); // refuse bad sampler settings before the search, not after it
  const problem = buildSearchProblem(table, full);
  const batch = options.parallel ? await options.parallel(problem) : inThreadEvaluator(createCandidateEvaluator(problem));
  let result;
  try {
    result = await runSearch({
      iterations: full.search.iterations, trials: full.search.trials, seed: full.search.seed,
      weights: full.search.weights, evaluator: batch, nParams: searchDimension(problem),
      onProgress: options.onProgress, isCancelled: options.isCancelled,
    });
  } finally {
    await batch.close();
  }
  const d = result.nParams;
  const m = OBJECTIVES.length;
  const chosen = await chooseDefaultModel(problem, result, full.search, { onProgress: options.onProgress, isCancelled: options.isCancelled });
  // With lift tests the point fit's coefficients take the tests in, as every bootstrap refit's do
  // (calibrateByLiftTests): the same estimator, so the point ROI and its interval describe one thing.
  const calibrated = problem.liftTests.length > 0 && full.method !== 'bayes';
  const kpiRefit = createCandidateEvaluator(withoutValidation(problem));
  const refit = calibrated ? createCandidateEvaluator({ ...withoutValidation(problem), calibrateByLiftTests: true }) : kpiRefit;
  // Alternatives: the Pareto front, best 20 by score, each refitted on all non-holdout rows (one 'refit' step each, after the chosen model's).
  const front = new Set(paretoFront(result.objectives, result.nCandidates, m));
  const alternatives = topCandidates(result, result.nCandidates).filter((i) => front.has(i)).slice(0, 20);
  let fit = refit.fitCandidate(chosen.u);
  options.onProgress?.({ phase: 'refit', done: 1, total: 1 + alternatives.length });
  const pareto: ParetoModel[] = alternatives.map((i, k) => {
    const alt = refit.fitCandidate(result.params.subarray(i * d, (i + 1) * d));
    options.onProgress?.({ phase: 'refit', done: k + 2, total: 1 + alternatives.length });
    return {
      objectives: Array.from(result.objectives.subarray(i * m, (i + 1) * m)),
      score: result.scores[i], lambda: alt.hyper.lambda,
      channels: candidateChannels(problem, alt).map((ch) => ({
        name: ch.name, adstock: ch.adstock, saturation: ch.saturation, roi: mediaRoi(ch, full.window.start, full.window.end),
      })),
    };
  });

  // The Bayesian fit's intervals come from its posterior draws, so it skips the bootstrap.
  const bootstrap = full.search.bootstrap > 0 && full.method !== 'bayes'
    // Residuals to resample come from the KPI's own fit: a calibrated fit's residuals hold the part of the
    // channel's effect the tests took away, which resampling scrambles, so replicates would shrink twice.
    ? await bootstrapRoi(problem, calibrated ? kpiRefit.fitCandidate(chosen.u) : fit, chosen.draws, {
      replicates: full.search.bootstrap, reselect: chosen.reselect, seed: full.search.seed, roiEnd: full.window.end,
      onProgress: options.onProgress, isCancelled: options.isCancelled,
    })
    : { roi: [], curves: [], organic: [] };
  // Posterior draws give intervals; the medoid is central in spend-weighted ROI, so keep each ROI inside its own.
  let choice = chosen;
  const recentred = chosen.reselect || full.method === 'bayes' ? null : recentreOnIntervals(problem, refit, fit, chosen.draws, bootstrap.roi, full.window.end);
  if (recentred?.type === 'moved') {
    fit = recentred.fit;
    choice = { ...chosen, ...describeChoice(problem, recentred.u, full.search), rule: `${chosen.rule}; ${recentred.note}` };
  } else if (recentred?.type === 'kept') {
    choice = { ...chosen, rule: `${chosen.rule}; ${recentred.note}` };
  }
  if (calibrated) choice = { ...choice, rule: `${choice.rule}; ${LIFT_CALIBRATED_POINT_NOTE}` };

  const channels: ModelChannel[] = candidateChannels(problem, fit).map((ch, k) => {
    const m = media[k];
    return { ...ch, column: table.channels[k].column, ...(m === undefined ? {} : { media: m }) };
  });
  const organic = organicTerms(table, problem, fit);
  const model: MmmModel = {
    // A national model keeps version 1, which older readers accept; only a geo-level one needs 2.
    schemaVersion: table.panel === undefined ? NATIONAL_MODEL_SCHEMA_VERSION : PANEL_MODEL_SCHEMA_VERSION,
    target: { name: table.target.name, kind: table.target.kind },
    frequency: table.frequency,
    dates: [...table.dates],
    window: full.window,
    holdout: full.holdout,
    spec: full,
    intercept: fit.intercept,
    channels,
    baseline: [
      ...problem.baseline.map((b, j) => ({
        name: b.name, ...controlTermColumn(table, b), kind: b.kind, values: Array.from(b.values), coef: fit.baselineCoef[j], ...constraintSign(b), ...(b.holidays === undefined ? {} : { holidays: b.holidays }),
        ...panelValues(problem, j),
      })),
      ...organic.map((o) => ({ name: o.name, kind: 'organic' as const, values: Array.from(channelContribution({ ...o, spend: o.exposure, coef: 1 })), coef: o.coef })),
    ],
    ...(organic.length > 0 ? { organic } : {}),
    actual: Array.from(table.target.values),
    ...modelPanel(table, problem, fit),
    search: {
      nCandidates: result.nCandidates,
      objectives: [...OBJECTIVES],
      chosen: { objectives: choice.objectives, score: choice.score, lambda: fit.hyper.lambda },
      pareto,
      selectionRule: choice.rule,
      ...(auto?.note ? { roiPriorNote: auto.note } : {}),
      ...(roiPrior ? { roiPriorSource: auto === undefined ? 'given' as const : 'default' as const } : {}),
      ...(chosen.liftConflicts ? { liftConflicts: chosen.liftConflicts } : {}),
    },
    bootstrapRoi: bootstrap.roi,
    bootstrapCurves: bootstrap.curves,
    ...(organic.length > 0 && bootstrap.organic.length > 0 ? { organicContributionDraws: bootstrap.organic } : {}),
  };
  // The Bayesian model records where its ROI prior came from: the user's, or the default for this KPI.
  return full.method === 'bayes' ? bayesModel(table, model, options, auto === undefined ? 'given' : 'default') : model;
}

/** Appended to the selection rule of a ridge fit with lift tests (docs/model.md §9 "Refit", §10 step 6). */
export const LIFT_CALIBRATED_POINT_NOTE = 'the coefficients of the default model (and of the alternatives) take the lift tests in as each bootstrap refit\'s do, each test one more observation of its channel\'s coefficient weighted by its standard error, so the point ROI is the same estimator as its interval';

/**
 * The fitted organic media (the problem's channels after the paid ones), with their exposure and curve.
 * In the model they are baseline terms: their effect is part of the KPI without spend or a plan.
 */
function organicTerms(table: ModelingTable, problem: SearchProblem, fit: CandidateFit): ModelOrganic[] {
  return candidateMedia(problem, fit).slice(paidChannelCount(problem)).map((m, k) => ({
    name: m.name, column: table.organic?.[k]?.column ?? m.name, exposure: m.spend,
    adstock: m.adstock, maxLag: m.maxLag, saturation: m.saturation, scale: m.scale, coef: m.coef,
  }));
}

/**
 * A geo-level model's geos (MmmModel.panel): shares, intercepts μ_g and each geo's KPI; {} for a
 * national fit. The channels carry their geo spend already (candidateChannels).
 */
function modelPanel(table: ModelingTable, problem: SearchProblem, fit: CandidateFit): { panel?: MmmModel['panel'] } {
  if (table.panel === undefined || problem.panel === undefined || fit.geoIntercepts === undefined) return {};
  return {
    panel: {
      column: table.panel.column, geos: [...table.panel.geos], shares: Array.from(problem.panel.shares),
      ...(table.panel.size === undefined ? {} : { sizeColumn: sizeColumn(table.panel), sizes: [...table.panel.size.values] }),
      intercepts: Array.from(fit.geoIntercepts), actual: table.panel.target.map((y) => Array.from(y)),
    },
  };
}

/** A control measured per geo: its values per geo (ModelBaselineTerm.panelValues); {} otherwise. */
function panelValues(problem: SearchProblem, j: number): { panelValues?: number[][] } {
  const geo = problem.panel?.baseline[j];
  return geo === undefined || geo === null ? {} : { panelValues: geo.map((v) => Array.from(v)) };
}

/** A control's sign constraint read off its coefficient bounds ({} when free), for ModelBaselineTerm.sign. */
function constraintSign(b: { readonly kind: string; readonly lower: number; readonly upper: number }): { sign?: 'positive' | 'negative' } {
  if (b.kind !== 'control') return {};
  if (b.lower === 0 && b.upper === Infinity) return { sign: 'positive' };
  if (b.lower === -Infinity && b.upper === 0) return { sign: 'negative' };
  return {};
}
