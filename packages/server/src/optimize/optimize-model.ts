import {
  allocateBudget, channelRoiIntervals, drawSource, explainAllocation, growthCautionText, explainInformationValue, geoSplitText, kpiMoney, informationValue, replicateModels, sparseChannels, liftUncertainty, minimumBudget, profit, profitText, targetEfficiency, responseModelFromMmm, type MmmModel,
} from '@mixwise/engine';
import type { OptimizeRequest, OptimizeResponse } from '@mixwise/contracts';
import { ApiHttpError } from '../http/api-http-error.ts';
import { defaultBoundsSentence, defaultedChannels, infeasibleMessage } from './api-wording.ts';
import { constraintsOf } from './constraints-of.ts';
import { geoSplitNowOf } from './geo-split-now.ts';
import { idleChannels, lateStartOf, referenceOf, referenceOption, referenceSentence } from './reference-periods.ts';

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Optimises the budget of a fitted model as `mixwise optimize --budget B [--up-to]` does in steady state
 * (responseModelFromMmm over the modeling window, expected over the bootstrap replicates, then
 * allocateBudget with mode exact, or up-to with `upTo`): the request's budget over `periods` periods
 * is spread as a sustained spend per period across channels. The lift's 5–95 % range across the
 * replicates and its
 * sentence (liftUncertainty) are the CLI's; the recommendation also
 * says when the default bounds hold channels, and how to lift them in a request.
 * A goal instead of a budget (targetKpi, targetRoi, targetMroi) is solved as `mixwise optimize
 * --target-kpi / --target-roi / --target-mroi` does (minimumBudget, targetEfficiency); the answer's
 * budget is then the one the goal needs, per period and × periods. With a `margin`, as `--margin`:
 * `profit` is gross profit after media spend per period (engine profit: margin × expected KPI − budget
 * per period, current and recommended) and the recommendation ends with the engine's profitText.
 * With `referencePeriods`, as `--reference-periods N`: current spend and the baseline are the means over
 * the last N modeled periods, channels idle over them get the CLI's 0–2× window-mean default range, and
 * the recommendation ends by saying which periods "current" is (referenceSentence).
 * @param model the run's model.json
 * @param request budget (total over the periods; default current spend per period × periods) or a goal, periods, bounds, locks, upTo, margin, referencePeriods
 * @returns the allocation per channel (per period) with KPI, ROI and marginal ROI, and the expected KPI with the lift's interval
 * @throws ApiHttpError INFEASIBLE (422) explained in the request's terms (infeasibleMessage); BAD_REQUEST for unknown channels or referencePeriods beyond the window
 * @example optimizeModel(model, { periods: 1, bounds: {}, locks: [], upTo: false }).allocation.length // nChannels
 */
export function optimizeModel(model: MmmModel, request: OptimizeRequest): OptimizeResponse {
  const ref = referenceOf(model, request.referencePeriods);
  const rm = responseModelFromMmm(model, { ...referenceOption(ref), uncertainty: 'expected' });
  const idle = idleChannels(model, ref, constraintsOf(rm, request.bounds, request.locks), request.bounds);
  const constraints = idle.constraints;
  const current = rm.channels.reduce((s, c) => s + c.current, 0);
  const total = request.budget ?? current * request.periods;
  const objective = objectiveOf(request);
  const r = objective.type === 'target-kpi' ? minimumBudget(rm, { targetKpi: objective.value, constraints })
    : objective.type === 'target-roi' ? targetEfficiency(rm, { type: 'roi', value: objective.value, constraints })
    : objective.type === 'target-mroi' ? targetEfficiency(rm, { type: 'mroi', value: objective.value, constraints })
    : allocateBudget(rm, { budget: total / request.periods, mode: request.upTo ? 'up-to' : 'exact', constraints });
  if (!r.feasible) {
    const defaulted = defaultedChannels(rm.channels, request.bounds, request.locks);
    throw new ApiHttpError('INFEASIBLE', infeasibleMessage(r, { route: 'optimize', budget: total, periods: request.periods, defaulted, budgetSent: request.budget !== undefined }));
  }
  // The replicate curves are the components of the expected model (none without replicates: no interval).
  const lift = liftUncertainty(rm, r.channels, r.expected.lift, drawSource(model), kpiMoney(model.money, model.target.kind));
  const liftInterval = lift.interval;
  // As `mixwise optimize --budget`: the value of learning the curves, for a budget on a model with replicates.
  const information = objective.type === 'budget' && lift.replicates > 0
    ? informationValue(rm, { budget: total / request.periods, mode: request.upTo ? 'up-to' : 'exact', constraints })
    : null;
  // As `mixwise optimize --margin`: gross profit after media spend per period, before and after (engine profit, profitText).
  const margin = request.margin ?? null;
  const gross = margin !== null ? profit(margin, r.expected, { current: r.currentBudget, recommended: r.budget }) : null;
  // A geo-level model's national curves hold for a budget split across geos by KPI share (or by the size column's share, e.g. population): say so, as the CLI does.
  const geoSplit = geoSplitText(model);
  return {
    referencePeriods: ref.referencePeriods, windowPeriods: ref.windowPeriods,
    kpi: model.target.name,
    objective: objective.type === 'budget' ? { type: 'budget', value: request.budget ?? null } : objective,
    periods: request.periods,
    budget: r.budget * request.periods,
    budgetPerPeriod: r.budget,
    currentBudgetPerPeriod: r.currentBudget,
    allocation: r.channels.map((c) => ({
      channel: c.channel, current: c.current, recommended: c.recommended, recommendedTotal: c.recommended * request.periods,
      change: c.change, changeShare: c.changeShare, kpiCurrent: c.responseCurrent, kpiRecommended: c.responseRecommended,
      roiCurrent: c.roiCurrent, roiRecommended: c.roiRecommended, mroiCurrent: finite(c.mroiCurrent), mroiRecommended: finite(c.mroiRecommended),
      bound: c.status, dataRange: c.dataRange, beyondData: c.beyondData,
    })),
    expected: {
      current: r.expected.current, recommended: r.expected.recommended, lift: r.expected.lift, liftShare: r.expected.liftShare,
      liftInterval, replicates: lift.replicates,
    },
    predictedKpiTotal: r.expected.recommended * request.periods,
    roi: r.budget > 0 ? r.media.recommended / r.budget : null,
    mroi: r.multiplier,
    binding: [...r.binding],
    // The model's currency (fit --currency) in the words, as mixwise optimize writes them.
    recommendation: explainAllocation(r, { ...(objective.type === 'target-kpi' ? { targetKpi: objective.value } : {}), money: model.money, kpiMoney: kpiMoney(model.money, model.target.kind) })
      // As mixwise optimize: growing a channel whose ROI interval reaches 0 (or is very wide) is cautioned.
      + growthCautionText(r.channels, channelRoiIntervals(model), model.target.kind === 'count' ? 'KPI per spend' : 'ROI')
      + lift.sentence
      + (information ? ` ${explainInformationValue(information, r.expected.current, drawSource(model), sparseChannels(r.channels))}` : '')
      + defaultBoundsSentence(r.channels, constraints) + idle.note
      + (margin !== null && gross !== null ? profitText(margin, gross, r.multiplier, 'per period', (mroi) => `request with targetMroi: ${mroi}`, model.money) : '')
      + referenceSentence(ref),
    informationValue: information ? { total: information.total, channels: information.channels.map((c) => ({ ...c })), replicates: information.replicates } : null,
    margin,
    profit: gross ? { current: gross.current, recommended: gross.recommended, lift: gross.lift } : null,
    ...(geoSplit === null ? {} : { geoSplit }),
    // And what today's split across geos gives against that split, on the same (expected) curves: the model's credit, which no plan moves.
    ...(geoSplit === null ? {} : geoSplitNowOf(model, replicateModels(model), ref.asked)),
    ...lateStartOf(model, ref),
  };
}

type Objective = { readonly type: 'budget' } | { readonly type: 'target-kpi' | 'target-roi' | 'target-mroi'; readonly value: number };

/** Which problem a request asks (the schema lets at most one goal through). */
function objectiveOf(request: OptimizeRequest): Objective {
  if (request.targetKpi !== undefined) return { type: 'target-kpi', value: request.targetKpi };
  if (request.targetRoi !== undefined) return { type: 'target-roi', value: request.targetRoi };
  if (request.targetMroi !== undefined) return { type: 'target-mroi', value: request.targetMroi };
  return { type: 'budget' };
}
