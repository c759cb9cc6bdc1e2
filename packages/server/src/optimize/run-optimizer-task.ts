import type { MmmModel } from '@mixwise/engine';
import { optimizeModel } from './optimize-model.ts';
import { planBudget } from './plan-budget.ts';
import { compareScenarios } from './compare-scenarios.ts';
import type { OptimizerTask } from './optimizer-protocol.ts';

/**
 * Runs one optimizer call on a model: /optimize (optimizeModel), /plan (planBudget) or /scenarios
 * (compareScenarios). The optimizer workers call it; so may a test, for the answer computed in its own thread.
 * @param model the run's model.json
 * @param task the route and its parsed request
 * @returns the answer's body (OptimizeResponse, PlanResponse or ScenarioComparison)
 * @throws ApiHttpError as the route's function throws it (INFEASIBLE, BAD_REQUEST)
 * @example runOptimizerTask(model, { route: 'plan', request: { periods: 13, bounds: {}, locks: [], afterPlan: 'current' } })
 */
export function runOptimizerTask(model: MmmModel, task: OptimizerTask): unknown {
  switch (task.route) {
    case 'optimize': return optimizeModel(model, task.request);
    case 'plan': return planBudget(model, task.request);
    case 'scenarios': return compareScenarios(model, task.request);
  }
}
