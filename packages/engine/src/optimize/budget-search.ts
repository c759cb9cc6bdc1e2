import { solveBudget } from './allocate-budget.ts';
import type { RawAllocation } from './allocation-result.ts';
import type { Curve } from './curve.ts';
import type { SpendLimits } from './normalise-bounds.ts';
import type { AllocationConstraints, ResponseModel } from './types.ts';

/** The best allocation at one budget ("up to" the budget), or null when the budget is below the lower bounds. */
export interface BudgetPoint {
  readonly budget: number;
  /** Best media KPI per period at this budget (−∞ when infeasible). */
  readonly value: number;
  readonly solved: { limits: SpendLimits; raw: RawAllocation } | null;
}

/**
 * Evaluate V(B) = the best media KPI per period with total spend up to B (the value function of
 * `allocateBudget`), non-decreasing in B. Infeasible budgets (below the lower bounds) give −∞;
 * structural problems (conflicting bounds) are returned as the Infeasible itself.
 * @example budgetPoint(model, curves, {}, 100).value // best media KPI at a budget of 100
 */
export function budgetPoint(model: ResponseModel, curves: readonly Curve[], constraints: AllocationConstraints, budget: number): BudgetPoint {
  const solved = solveBudget(model, curves, constraints, budget, 'up-to');
  if ('feasible' in solved) return { budget, value: -Infinity, solved: null };
  let v = 0;
  for (let c = 0; c < curves.length; c++) v += curves[c].value(solved.raw.x[c]);
  return { budget, value: v, solved };
}

/**
 * The largest budget reachable before the value function stops growing: doubles from `start`
 * until V stops increasing (less than 1e-9 relative per doubling) or the budget passes 2^40 × start.
 * @returns the last budget point evaluated (the plateau or the cap)
 * @example plateauBudget(model, curves, {}, 100).value // the most media KPI any budget can buy
 */
export function plateauBudget(model: ResponseModel, curves: readonly Curve[], constraints: AllocationConstraints, start: number): BudgetPoint {
  let p = budgetPoint(model, curves, constraints, start);
  for (let k = 0; k < 40; k++) {
    const q = budgetPoint(model, curves, constraints, p.budget * 2);
    if (q.value <= p.value * (1 + 1e-9) && Number.isFinite(p.value)) return p;
    p = q;
  }
  return p;
}
