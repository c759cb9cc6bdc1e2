import {
  geoSplitText,
  allocateBudget, budgetFrontier, channelRoiIntervals, drawSource, growthCautionText, drawsName, expectedPointGapText, expectedVersusPoint, explainAllocation, steadyBasisText, explainInformationValue, informationValue, sparseChannels, liftUncertainty, minimumBudget, replicateModels,
  responseModelFromMmm, referenceCosts, kpiMoney, referenceRows, exposurePlanText, targetEfficiency, lateStartChannels, idleChannelBounds,
  type AfterPlan, type AllocationConstraints, type AllocationResult, type MmmModel, type ResponseModel,
} from '@mixwise/engine';
import { roiLabel } from '@mixwise/charts';
import { finite, optimisedResponseModel, type OptimizeContext } from './optimize-context.ts';
import { UsageError } from '../usage-error.ts';
import type { BoundsSource, OptimizeObjective } from './optimize-options.ts';
import { defaultBoundsHint, defaultBoundsSentence } from './optimize-default-bounds.ts';
import { infeasibleHint, sparseData, type OptimizationChannel, type OptimizationOutput, type OptimizeOutcome, type OptimizeWarning, type ScenarioRow } from './optimize-output.ts';
import { planOutput } from './optimize-plan.ts';
import { geoSplitNow } from './optimize-geo-split.ts';
import type { ProgressEvent } from '../render/progress.ts';

/** A validated `mixwise optimize` request. */
export interface OptimizeRequest {
  readonly objective: OptimizeObjective;
  readonly constraints: AllocationConstraints;
  /** Budget as an equality (default) or an "up to" amount. */
  readonly budgetMode: 'exact' | 'up-to';
  /** --periods H: a multi-period plan. */
  readonly periods?: number;
  /** --scenarios: budget levels as multiples of the current total. */
  readonly scenarios?: readonly number[];
  readonly referencePeriods?: number;
  /** --current CH=X: current spend per period of named channels, replacing their mean over the reference periods. */
  readonly current?: Readonly<Record<string, number>>;
  /**
   * 'expected': optimise the KPI averaged over the bootstrap replicates' curves; 'point': the point
   * estimate. Omitted: 'expected' for steady-state problems when the model has replicates, else 'point'.
   */
  readonly uncertainty?: 'point' | 'expected';
  /** --after-plan: spend after a --periods plan (default 'current'). */
  readonly afterPlan?: AfterPlan;
  /** Where the every-channel bounds came from (default 'given': the caller built them). */
  readonly boundsSource?: BoundsSource;
}

const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);

/**
 * Solve a `mixwise optimize` request on a fitted model: the steady-state problem the objective names
 * (allocateBudget, minimumBudget, targetEfficiency) or, with `periods`, a flighted plan (planPeriods);
 * the lift interval over bootstrap replicates; and the scenario frontier when asked.
 * @param model the fitted model (model.json)
 * @param request objective, constraints, periods, scenarios, reference periods, point/expected
 * @param onProgress progress of the long steps: phase 'information value' (per replicate), 'scenarios' (per level) and, with
 *   periods, 'minimum budget' (a --target-kpi plan's budget search), 'plan starts' and 'plan' (the planner's starts and
 *   ascent iterations) and 'lift interval' (per replicate)
 * @returns the JSON contract of optimization.json, or an InfeasibleOutput with the engine's explanation and a hint
 * @throws UsageError for --uncertainty expected on a model without bootstrap replicates or with --periods; EngineError for bad arguments
 * @example runOptimize(model, { objective: { type: 'budget', value: null }, constraints: {}, budgetMode: 'exact', uncertainty: 'point' }).expected.lift // ≥ 0
 */
export function runOptimize(model: MmmModel, request: OptimizeRequest, onProgress?: (p: ProgressEvent) => void): OptimizeOutcome {
  const replicates = replicateModels(model);
  if (request.uncertainty === 'expected' && replicates.length === 0) {
    throw new UsageError('--uncertainty expected needs bootstrap replicates, and this model has none (refit with bootstrap enabled)', 'optimize');
  }
  if (request.uncertainty === 'expected' && request.periods !== undefined) {
    throw new UsageError('--uncertainty expected is for steady-state problems; a --periods plan optimises the point estimate (its lift interval still covers the replicates)', 'optimize');
  }
  const mode = request.uncertainty ?? (replicates.length > 0 && request.periods === undefined ? 'expected' : 'point');
  const { start, end } = model.window;
  const referencePeriods = request.referencePeriods === undefined ? end - start : end - Math.max(start, end - request.referencePeriods);
  const uncertainty = replicates.length === 0 ? null : {
    replicates: replicates.length, objective: mode,
    source: drawSource(model),
    // A Bayesian fit's replicates are NUTS draws of the joint posterior, not refits on resampled data.
    method: model.bayes ? `${drawsName('posterior').plural} (NUTS), each with its own sampled adstock, saturation and coefficients`
      : model.bootstrapCurves && model.bootstrapCurves.length > 0
      ? `${drawsName('bootstrap').plural}, each with its own refitted adstock, saturation and coefficients`
      : `${drawsName('bootstrap').plural} represented by the point curves with each channel's coefficient scaled by replicate ROI / point ROI (model written before replicate curves were stored)`,
  };
  const source = request.boundsSource ?? 'given';
  const idle = source === 'default' ? idleChannelRanges(model, request) : null;
  const solving = idle ? { ...request, constraints: idle.constraints } : request;
  const ctx: OptimizeContext = { model, request: { ...solving, uncertainty: mode }, replicates, referencePeriods, uncertainty, onProgress };
  const scenarioCurves = request.uncertainty ?? (replicates.length > 0 ? 'expected' : 'point');
  const scenarios = request.scenarios ? scenarioRows(ctx, scenarioCurves) : undefined;
  const solved = request.periods !== undefined ? planOutput(ctx, request.periods) : steadyState(ctx);
  if (!solved.feasible) return { ...solved, hint: solved.hint + defaultBoundsHint(source), bounds_source: source };
  const note = defaultBoundsSentence(solved.allocation, solving.constraints, source, solved.periods) + (idle?.note ?? '');
  const warnings = optimizeWarnings(model, request);
  const priced = exposurePricing(model, request, solved.allocation);
  const geoSplit = geoSplitText(model);
  const splitNow = geoSplitNow(ctx);
  const out = {
    ...solved, ...priced, ...(geoSplit === null ? {} : { geo_split: geoSplit }), ...(splitNow === null ? {} : { geo_split_now: splitNow }), recommendation: solved.recommendation + note, constraints: solving.constraints, bounds_source: source,
    ...(request.current !== undefined && Object.keys(request.current).length > 0 ? { current_given: { ...request.current } } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  return scenarios ? { ...out, scenarios, scenarios_uncertainty: scenarioCurves } : out;
}

/**
 * Channels on exposure are planned in money at the reference periods' cost per exposure unit
 * (engine referenceCosts, the price responseModelFromMmm puts in the curves): each allocation row
 * records it per 1,000, and exposure_cost says so in a line.
 */
function exposurePricing(model: MmmModel, request: OptimizeRequest, allocation: readonly OptimizationChannel[]): Pick<OptimizationOutput, 'allocation' | 'exposure_cost'> {
  const costs = referenceCosts(model, referenceRows(model, request.referencePeriods));
  if (costs.every((c) => c === undefined)) return { allocation: [...allocation] };
  const byName = new Map(model.channels.map((ch, c) => [ch.name, costs[c]]));
  const rows = allocation.map((a) => {
    const c = byName.get(a.channel);
    return c === undefined ? a : { ...a, cost_per_1000: 1000 * c.costPerUnit, cost_basis: c.basis };
  });
  const text = exposurePlanText(model.channels.flatMap((ch, c) => {
    const cost = costs[c];
    return cost === undefined ? [] : [{ name: ch.name, costPer1000: 1000 * cost.costPerUnit, windowCostPer1000: 1000 * cost.windowCostPerUnit, basis: cost.basis }];
  }));
  return { allocation: rows, ...(text === null ? {} : { exposure_cost: text }) };
}

/**
 * The warnings of a feasible run: LATE_START for each channel launched during the reference periods
 * whose current spend is not given (lateStartChannels): its current, a mean that counts the periods
 * before its launch as zero, is well below its run-rate.
 */
function optimizeWarnings(model: MmmModel, request: OptimizeRequest): OptimizeWarning[] {
  const given = Object.keys(request.current ?? {});
  return lateStartChannels(model, { referencePeriods: request.referencePeriods, given }).map((l) => ({
    code: 'LATE_START', channel: l.channel, message: l.message, first_spend_date: l.firstSpendDate,
    periods_since_launch: l.periodsSinceLaunch, mean_since_launch: l.meanSinceLaunch, reference_mean: l.referenceMean,
  }));
}

/** The reference periods' idle channels under the default bounds (engine idleChannelBounds), as constraints and a note; null when none. */
function idleChannelRanges(model: MmmModel, request: OptimizeRequest): { constraints: AllocationConstraints; note: string } | null {
  if (request.referencePeriods === undefined) return null;
  const own = request.constraints.channels ?? {};
  const idle = idleChannelBounds(model, { referencePeriods: request.referencePeriods, current: request.current, hasOwnBounds: (name) => Object.hasOwn(own, name) });
  return idle === null ? null : { constraints: { ...request.constraints, channels: { ...own, ...idle.channels } }, note: idle.note };
}

/** --budget, or the current total spend per period when it is not given. */
function requestedBudget(value: number | null, rm: ResponseModel): number {
  return value ?? sum(rm.channels.map((c) => c.current));
}

function solve(rm: ResponseModel, ctx: OptimizeContext): AllocationResult {
  const { objective: o, constraints, budgetMode } = ctx.request;
  switch (o.type) {
    case 'budget': return allocateBudget(rm, { budget: requestedBudget(o.value, rm), mode: budgetMode, constraints });
    case 'target-kpi': return minimumBudget(rm, { targetKpi: o.value, constraints });
    case 'target-roi': return targetEfficiency(rm, { type: 'roi', value: o.value, constraints });
    case 'target-mroi': return targetEfficiency(rm, { type: 'mroi', value: o.value, constraints });
  }
}

function steadyState(ctx: OptimizeContext): OptimizeOutcome {
  const rm = optimisedResponseModel(ctx);
  const r = solve(rm, ctx);
  if (!r.feasible) return { feasible: false, reason: r.reason, message: r.message, hint: infeasibleHint(r), details: r.details, objective: ctx.request.objective };
  // The replicate curves: already on rm when it was optimised as expected.
  const withReplicates = ctx.request.uncertainty === 'expected' ? rm : responseModelFromMmm(ctx.model, { referencePeriods: ctx.request.referencePeriods, current: ctx.request.current, uncertainty: 'expected' });
  const { interval, sentence } = liftUncertainty(withReplicates, r.channels, r.expected.lift, drawSource(ctx.model), kpiMoney(ctx.model.money, ctx.model.target.kind));
  const { objective: o, constraints, budgetMode } = ctx.request;
  const information = ctx.request.uncertainty === 'expected' && o.type === 'budget'
    ? informationValue(rm, { budget: requestedBudget(o.value, rm), mode: budgetMode, constraints }, undefined, (done, total) => ctx.onProgress?.({ phase: 'information value', done, total }))
    : undefined;
  const allocation: OptimizationChannel[] = r.channels.map((c) => ({
    channel: c.channel, current: c.current, recommended: c.recommended, change: c.change, change_share: c.changeShare,
    roi_current: c.roiCurrent, roi_recommended: c.roiRecommended,
    mroi_current: finite(c.mroiCurrent), mroi_recommended: finite(c.mroiRecommended),
    bound: c.status, lower: c.lower, upper: finite(c.upper),
    ...(c.dataRange ? { data_range: [c.dataRange.low, c.dataRange.high] as [number, number] } : {}), beyond_data: c.beyondData,
      ...sparseData(c.dataRange),
  }));
  return {
    ...curvesBasis(ctx, rm),
    feasible: true, kpi: ctx.model.target.name, mode: 'steady-state', problem: r.problem, objective: ctx.request.objective,
    ...(o.type === 'budget' ? { budget_mode: ctx.request.budgetMode } : {}),
    budget: r.budget, current_budget: r.currentBudget, periods: 1, reference_periods: ctx.referencePeriods, window_periods: ctx.model.window.end - ctx.model.window.start, allocation,
    expected: { current: r.expected.current, recommended: r.expected.recommended, lift: r.expected.lift, lift_share: r.expected.liftShare, ...(interval ? { lift_interval: interval } : {}) },
    binding: [...r.binding], multiplier: r.multiplier, method: r.method, optimality_gap: finite(r.optimalityGap),
    recommendation: explainAllocation(r, { ...(o.type === 'target-kpi' ? { targetKpi: o.value } : {}), money: ctx.model.money, kpiMoney: kpiMoney(ctx.model.money, ctx.model.target.kind) })
      // Growing a channel whose ROI interval reaches 0 (or is very wide) is a bet on weak evidence: said beside the move.
      + growthCautionText(r.channels, channelRoiIntervals(ctx.model), roiLabel(ctx.model.target.kind))
      + sentence
      + (information ? ` ${explainInformationValue(information, r.expected.current, drawSource(ctx.model), sparseChannels(r.channels))}` : ''),
    uncertainty: ctx.uncertainty,
    ...(information ? { information_value: information } : {}),
  };
}

/**
 * What the steady-state figures rest on (`basis`), and on the averaged curves also the current spend on
 * the point curves (`point_current`) with, where the two disagree materially on a channel's ROI, the
 * sentence that gives both and says why (`basis_note`).
 */
function curvesBasis(ctx: OptimizeContext, rm: ResponseModel): Pick<OptimizationOutput, 'basis' | 'point_current' | 'basis_note'> {
  const source = drawSource(ctx.model);
  const cmp = ctx.request.uncertainty === 'expected' ? expectedVersusPoint(rm) : null;
  const basis = steadyBasisText(cmp?.replicates ?? 0, source);
  if (cmp === null) return { basis };
  const note = expectedPointGapText(cmp, source, roiLabel(ctx.model.target.kind), ctx.model.target.name).trim();
  return {
    basis,
    point_current: {
      kpi: cmp.kpiPoint,
      channels: cmp.channels.map((c) => ({ channel: c.channel, roi: c.roiPoint, mroi: finite(c.mroiPoint), roi_replicate_median: c.roiMedian })),
    },
    ...(note !== '' ? { basis_note: note } : {}),
  };
}

/**
 * The --scenarios frontier: steady-state levels, so on the steady-state curves (`uncertainty`:
 * expected over the replicates when the model has them and --uncertainty point was not asked), also
 * beside a --periods plan.
 */
function scenarioRows(ctx: OptimizeContext, uncertainty: 'point' | 'expected'): ScenarioRow[] {
  const rm = optimisedResponseModel({ ...ctx, request: { ...ctx.request, uncertainty } });
  const points = budgetFrontier(rm, {
    levels: ctx.request.scenarios, constraints: ctx.request.constraints,
    onProgress: (done, total) => ctx.onProgress?.({ phase: `scenarios (${uncertainty})`, done, total }),
  });
  return points.map((p) => {
    const r = p.result;
    if (!r.feasible) return { level: p.level, budget: p.budget, feasible: false, expected_kpi: null, lift: null, roi: null, mroi: null, allocation: null, reason: r.message };
    return {
      level: p.level, budget: r.budget, feasible: true, expected_kpi: r.expected.recommended, lift: r.expected.lift,
      roi: r.budget > 0 ? r.media.recommended / r.budget : null, mroi: r.multiplier,
      allocation: Object.fromEntries(r.channels.map((c) => [c.channel, c.recommended])),
    };
  });
}
