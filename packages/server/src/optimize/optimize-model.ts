import { allocateBudget, explainAllocation, responseModelFromMmm, type MmmModel } from '@mixwise/engine';
import type { OptimizeRequest, OptimizeResponse } from '@mixwise/contracts';
import { ApiHttpError } from '../http/api-http-error.ts';
import { constraintsOf } from './constraints-of.ts';

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Optimises the budget of a fitted model as `mixwise optimize --budget B` does in steady state
 * (responseModelFromMmm over the modeling window, expected over the bootstrap replicates, then
 * allocateBudget with mode exact): the request's
 * budget over `periods` periods is spread as a sustained spend per period across channels.
 * @param model the run's model.json
 * @param request budget (total over the periods; default current spend per period × periods), periods, bounds, locks
 * @returns the allocation per channel (per period) with KPI, ROI and marginal ROI, and the expected KPI
 * @throws ApiHttpError INFEASIBLE (422) with the engine's explanation; BAD_REQUEST for unknown channels
 * @example optimizeModel(model, { periods: 1, bounds: {}, locks: [] }).allocation.length // nChannels
 */
export function optimizeModel(model: MmmModel, request: OptimizeRequest): OptimizeResponse {
  const rm = responseModelFromMmm(model, { uncertainty: 'expected' });
  const constraints = constraintsOf(rm, request.bounds, request.locks);
  const current = rm.channels.reduce((s, c) => s + c.current, 0);
  const perPeriod = request.budget === undefined ? current : request.budget / request.periods;
  const r = allocateBudget(rm, { budget: perPeriod, mode: 'exact', constraints });
  if (!r.feasible) throw new ApiHttpError('INFEASIBLE', r.message);
  return {
    kpi: model.target.name,
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
    expected: { current: r.expected.current, recommended: r.expected.recommended, lift: r.expected.lift, liftShare: r.expected.liftShare },
    predictedKpiTotal: r.expected.recommended * request.periods,
    roi: r.budget > 0 ? r.media.recommended / r.budget : null,
    mroi: r.multiplier,
    binding: [...r.binding],
    recommendation: explainAllocation(r),
  };
}
