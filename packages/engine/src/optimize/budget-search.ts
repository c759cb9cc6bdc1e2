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
 * With `enough`, it stops as soon as V reaches it (an upper bracket for the least budget that does).
 * @returns the last budget point evaluated (the one that reaches `enough`, the plateau, or the cap)
 * @example plateauBudget(model, curves, {}, 100).value // the most media KPI any budget can buy
 */
export function plateauBudget(model: ResponseModel, curves: readonly Curve[], constraints: AllocationConstraints, start: number, enough = Infinity): BudgetPoint {
  let p = budgetPoint(model, curves, constraints, start);
  if (p.value >= enough) return p;
  for (let k = 0; k < 40; k++) {
    const q = budgetPoint(model, curves, constraints, p.budget * 2);
    if (q.value >= enough) return q;
    if (q.value <= p.value * (1 + 1e-9) && Number.isFinite(p.value)) return p;
    p = q;
  }
  return p;
}

/**
 * The budget where g(B) changes sign, between `meets` (g ≥ 0, a budget point) and the budget `other`
 * (g < 0, on either side), by the Illinois variant of regula falsi (Dowell & Jarratt 1971), which keeps
 * the bracket and converges superlinearly; every fourth step bisects, so kinks in V (a bound that
 * starts to bind) cannot stall it. Stops when the bracket is 1e-10 of the budget wide.
 * @param evaluate the budget point of a budget
 * @param g the function of a point whose sign is sought (≥ 0: the point meets the goal)
 * @param meets a point with g ≥ 0; other, gOther a budget with g < 0 and its g (may be −∞)
 * @returns the last point found with g ≥ 0, the end of the bracket nearest the crossing
 * @example crossing(evaluate, (p) => p.value - target, top, 0, -target) // least budget reaching target
 */
export function crossing(evaluate: (budget: number) => BudgetPoint, g: (p: BudgetPoint) => number, meets: BudgetPoint, other: number, gOther: number): BudgetPoint {
  let good = meets, gGood = g(meets), bad = other, gBad = gOther, side = 0;
  for (let it = 0; it < 200 && Math.abs(bad - good.budget) > 1e-10 * Math.max(bad, good.budget); it++) {
    let x = Number.isFinite(gBad) && gGood > gBad ? bad - (gBad * (bad - good.budget)) / (gBad - gGood) : NaN;
    if (!(x > Math.min(good.budget, bad) && x < Math.max(good.budget, bad)) || it % 4 === 3) x = 0.5 * (good.budget + bad);
    const p = evaluate(x);
    const gp = g(p);
    if (gp >= 0) { good = p; gGood = gp; if (side === 1) gBad /= 2; side = 1; }
    else { bad = x; gBad = gp; if (side === -1) gGood /= 2; side = -1; }
  }
  return good;
}
