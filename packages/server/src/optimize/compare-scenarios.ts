import { budgetFrontier, responseModelFromMmm, allocateBudget, type MmmModel } from '@mixwise/engine';
import type { ScenarioComparison, ScenarioRequest, Scenario } from '@mixwise/contracts';
import { defaultedChannels, infeasibleMessage } from './api-wording.ts';
import { constraintsOf } from './constraints-of.ts';
import { idleChannels, referenceOf, referenceOption } from './reference-periods.ts';

const NAMES = ['conservative', 'current', 'aggressive'] as const;

/**
 * Conservative / current / aggressive budgets compared, as `mixwise optimize --scenarios` does
 * (budgetFrontier at the three levels, each a multiple of the current total spend per period, with the
 * same constraints): the best allocation, predicted KPI, lift, ROI and marginal ROI of each.
 * @param model the run's model.json
 * With `referencePeriods` (`--reference-periods N`), current spend, the levels' base, is the mean over the last N modeled periods.
 * @param request levels (default 0.9 / 1 / 1.1, in that order: the schema refuses others), bounds, locks, referencePeriods
 * @returns the three scenarios in that order, with the current budget and KPI per period; an
 *   infeasible level's reason in the request's terms (infeasibleMessage)
 * @throws ApiHttpError('BAD_REQUEST') for an unknown channel or referencePeriods beyond the window
 * @example compareScenarios(model, { levels: { conservative: 0.9, current: 1, aggressive: 1.1 }, bounds: {}, locks: [] }).scenarios[1].name // 'current'
 */
export function compareScenarios(model: MmmModel, request: ScenarioRequest): ScenarioComparison {
  const ref = referenceOf(model, request.referencePeriods);
  const rm = responseModelFromMmm(model, { ...referenceOption(ref), uncertainty: 'expected' });
  const { constraints } = idleChannels(model, ref, constraintsOf(rm, request.bounds, request.locks), request.bounds);
  const levels = NAMES.map((n) => request.levels[n]);
  const points = budgetFrontier(rm, { levels, constraints });
  const currentBudget = rm.channels.reduce((s, c) => s + c.current, 0);
  const now = allocateBudget(rm, { budget: currentBudget, constraints: { locks: Object.fromEntries(rm.channels.map((c) => [c.name, true as const])) } });
  const currentKpi = now.feasible ? now.expected.current : rm.baseline;
  const defaulted = defaultedChannels(rm.channels, request.bounds, request.locks);
  const scenarios: Scenario[] = points.map((p, k) => {
    const r = p.result;
    if (!r.feasible) {
      return { name: NAMES[k], level: p.level, budget: p.budget, feasible: false, expectedKpi: null, lift: null, roi: null, mroi: null, allocation: null,
        reason: infeasibleMessage(r, { route: 'scenarios', level: p.level, currentBudget, defaulted }) };
    }
    return {
      name: NAMES[k], level: p.level, budget: r.budget, feasible: true, expectedKpi: r.expected.recommended, lift: r.expected.lift,
      roi: r.budget > 0 ? r.media.recommended / r.budget : null, mroi: r.multiplier,
      allocation: r.channels.map((c) => ({ channel: c.channel, spend: c.recommended })), reason: null,
    };
  });
  return { referencePeriods: ref.referencePeriods, windowPeriods: ref.windowPeriods, kpi: model.target.name, currentBudget, currentKpi, scenarios };
}
