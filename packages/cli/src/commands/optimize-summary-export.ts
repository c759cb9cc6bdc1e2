import type { ExportTable } from '@mixwise/data';
import type { OptimizationOutput } from './optimize-output.ts';

/**
 * The curves a result was optimised on: 'expected' (the mean KPI over the bootstrap replicates' or
 * posterior draws' curves) or 'point' (the point-estimate curves, also when the model has no replicates).
 * @example usedCurves({ ...out, uncertainty: null }) // 'point'
 */
export function usedCurves(out: OptimizationOutput): 'expected' | 'point' {
  return out.uncertainty?.objective ?? 'point';
}

/**
 * The unit of a result's spend and KPI amounts (current, recommended, change, budget, kpi_*):
 * 'per_period' for a steady-state problem, 'plan_total' (summed over the plan) with --periods.
 * @example spendUnit({ ...out, mode: 'plan' }) // 'plan_total'
 */
export function spendUnit(out: OptimizationOutput): 'per_period' | 'plan_total' {
  return out.mode === 'plan' ? 'plan_total' : 'per_period';
}

/**
 * `optimization_summary`: one row with optimization.json's figures about the whole result: problem
 * (budget, minimum-budget, target-roi, target-mroi, plan), mode (steady-state, plan), objective,
 * objective_value, budget_mode (exact, up-to; null unless a steady-state budget problem), budget,
 * current_budget, spend_unit, periods, reference_periods, kpi (the KPI's column), kpi_current,
 * kpi_recommended, lift, lift_share, lift_low, lift_high (the 5–95 % interval of the lift over the
 * replicates; null without them), uncertainty ('expected' or 'point'), replicates, uncertainty_source
 * (bootstrap, posterior), scenarios_uncertainty (the curves of budget_scenarios; null without
 * --scenarios), multiplier, optimality_gap, method, bounds_source (default, given, none), after_plan
 * (current, dark) and plan_converged (0/1) with --periods.
 * @param out a feasible optimize result
 * @returns the one-row table
 * @example optimizationSummaryTable(out).rows[0][0] // 'budget'
 */
export function optimizationSummaryTable(out: OptimizationOutput): ExportTable {
  const e = out.expected;
  const cells: [string, 'text' | 'real' | 'integer', string | number | null][] = [
    ['problem', 'text', out.problem], ['mode', 'text', out.mode], ['objective', 'text', exportedObjective(out)],
    ['objective_value', 'real', out.objective.value], ['budget_mode', 'text', out.budget_mode ?? null],
    ['budget', 'real', out.budget], ['current_budget', 'real', out.current_budget], ['spend_unit', 'text', spendUnit(out)],
    ['periods', 'integer', out.periods], ['reference_periods', 'integer', out.reference_periods],
    ['kpi', 'text', out.kpi], ['kpi_current', 'real', e.current], ['kpi_recommended', 'real', e.recommended],
    ['lift', 'real', e.lift], ['lift_share', 'real', e.lift_share], ['lift_low', 'real', e.lift_interval?.[0] ?? null], ['lift_high', 'real', e.lift_interval?.[1] ?? null],
    ['uncertainty', 'text', usedCurves(out)], ['replicates', 'integer', out.uncertainty?.replicates ?? 0], ['uncertainty_source', 'text', out.uncertainty?.source ?? null],
    ['scenarios_uncertainty', 'text', out.scenarios ? out.scenarios_uncertainty ?? usedCurves(out) : null],
    ['multiplier', 'real', out.multiplier], ['optimality_gap', 'real', out.optimality_gap], ['method', 'text', out.method],
    ['bounds_source', 'text', out.bounds_source ?? null],
    ['after_plan', 'text', out.plan?.after_plan ?? null], ['plan_converged', 'integer', out.plan ? (out.plan.converged ? 1 : 0) : null],
  ];
  return { name: 'optimization_summary', columns: cells.map(([name, type]) => ({ name, type })), rows: [cells.map(([, , v]) => v)] };
}

/**
 * The `objective` column: the request's type, except 'plan' for a plan of a budget (kept from the
 * first export schema); a plan's KPI target stays 'target-kpi', so its objective_value reads as a target.
 * @example exportedObjective({ mode: 'plan', objective: { type: 'target-kpi', value: 3.6e7 } }) // 'target-kpi'
 */
export function exportedObjective(out: Pick<OptimizationOutput, 'mode' | 'objective'>): string {
  return out.mode === 'plan' && out.objective.type === 'budget' ? 'plan' : out.objective.type;
}
