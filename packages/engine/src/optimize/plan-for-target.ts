import type { MmmModel } from '../model/mmm-model.ts';
import { planMinimumBudget, type PlanMinimumBudget } from './plan-minimum-budget.ts';
import { planVersusCurrent, type PlanComparison } from './plan-versus-current.ts';
import type { PlanModel, PlanProgress } from './plan-types.ts';
import type { AllocationConstraints, Infeasible } from './types.ts';

/** Options of `planForKpiTarget`. */
export interface PlanForKpiTargetOptions {
  /** Number of periods H to plan (≥ 1). */
  readonly periods: number;
  /** KPI to reach inside the H periods (baseline included), as for planMinimumBudget. */
  readonly targetKpi: number;
  readonly constraints?: AllocationConstraints;
  /** Replicate models for the lift interval, as for planVersusCurrent. */
  readonly replicates?: readonly MmmModel[];
  /** Progress of the budget search ('minimum budget'), then of planVersusCurrent ('plan', 'lift interval'). */
  readonly onProgress?: (p: PlanProgress) => void;
}

/** A plan for a KPI target: the least budget found and the plan made with it, next to current spend. */
export type PlanForKpiTarget = PlanComparison & { readonly least: PlanMinimumBudget };

/**
 * The plan that reaches a KPI target inside the next H periods at least cost: the least budget
 * (planMinimumBudget), then the plan for that budget made for the KPI inside the window (objective
 * 'window': spend whose effect lands after the window does not count toward the target), compared with
 * current spend held. One rule for every front end (the CLI's `--periods H --target-kpi Y`, the API's
 * /plan with targetKpi, the dashboard's simulator), so they cannot plan a target differently.
 * @param pm the plan model (planModelFromMmm)
 * @param options periods, target, constraints and replicates
 * @returns the comparison with `least`, or the Infeasible of either step (`stage` says which: 'budget'
 *   when no budget reaches the target, 'plan' when the plan for the budget found fails)
 * @example planForKpiTarget(pm, { periods: 13, targetKpi: 4.1e6 }).least.total // the least budget over the 13 periods
 */
export function planForKpiTarget(pm: PlanModel, options: PlanForKpiTargetOptions): PlanForKpiTarget | (Infeasible & { readonly stage: 'budget' | 'plan' }) {
  const { periods, targetKpi, constraints, replicates, onProgress } = options;
  const searching = onProgress ? (done: number, total: number) => onProgress({ phase: 'minimum budget', done, total }) : undefined;
  const least = planMinimumBudget(pm, { periods, targetKpi, ...(constraints ? { constraints } : {}), onProgress: searching });
  if (!least.feasible) return { ...least, stage: 'budget' };
  const cmp = planVersusCurrent(pm, { periods, total: least.total, objective: 'window', ...(constraints ? { constraints } : {}), ...(replicates ? { replicates } : {}), onProgress });
  return cmp.feasible ? { ...cmp, least } : { ...cmp, stage: 'plan' };
}
