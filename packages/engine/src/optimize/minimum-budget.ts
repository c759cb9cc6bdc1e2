import { compileCurves } from './allocate-budget.ts';
import { buildAllocation } from './allocation-result.ts';
import { budgetPoint, plateauBudget, type BudgetPoint } from './budget-search.ts';
import { budgetRange, formatAmount, infeasible, normaliseBounds } from './normalise-bounds.ts';
import type { AllocationConstraints, AllocationResult, ResponseModel } from './types.ts';
import type { Curve } from './curve.ts';

/** Options of `minimumBudget`. */
export interface MinimumBudgetOptions {
  /** KPI per period to reach: baseline + media (the same scale as `expected.recommended`). */
  readonly targetKpi: number;
  readonly constraints?: AllocationConstraints;
}

/**
 * The least total budget per period whose best allocation reaches a KPI target. The best KPI V(B)
 * is non-decreasing in B (every response curve is), so the least B with baseline + V(B) ≥ target
 * is found by bisection on B (to 1e-10 relative) after an upper bracket is found by doubling from
 * the current total; each V(B) is an `allocateBudget` solve. Share bounds are shares of each
 * candidate budget. A target the lower bounds and locks already reach (one at or below the baseline,
 * for instance) costs exactly their total, every channel at its lower bound.
 * @param model the response model; options the target (total KPI per period) and constraints
 * @returns the allocation at that budget (problem 'minimum-budget', expected.recommended ≥ target),
 *   or Infeasible 'TARGET_UNREACHABLE' with the most KPI any budget within the bounds can reach,
 *   or 'CONFLICTING_BOUNDS' (including share bounds that no budget meets, see budgetRange)
 * @throws EngineError('INVALID_ARGUMENT') for a non-finite target or bad constraints
 * @example minimumBudget(model, { targetKpi: 1.1 * current }).budget // least spend for +10 % KPI
 */
export function minimumBudget(model: ResponseModel, options: MinimumBudgetOptions): AllocationResult {
  const curves = compileCurves(model);
  const constraints = options.constraints ?? {};
  const target = options.targetKpi - model.baseline;
  let currentTotal = 0;
  for (const ch of model.channels) currentTotal += ch.current;
  const limits = normaliseBounds(model, constraints, currentTotal);
  if ('feasible' in limits) return limits;
  // Share bounds that no budget meets (lower shares adding up to 100 % or more, say).
  const range = budgetRange(model, constraints, 'up-to');
  if ('feasible' in range) return range;
  const top = plateauBudget(model, curves, constraints, Math.max(currentTotal, 1e-9));
  if (!(top.value >= target)) {
    // The plateau search doubles the budget until the value stops growing, so top.budget can be far
    // above anything worth spending (curves that level off slowly) or above the bounds' total (an
    // "up to" budget): quote the spend where 99% of the reachable media KPI is already bought.
    const at = leastBudgetReaching(model, curves, constraints, 0.99 * top.value, top);
    const near = at.solved === null ? at.budget : at.solved.raw.x.reduce((a, b) => a + b, 0);
    return infeasible('TARGET_UNREACHABLE', `The KPI target ${formatAmount(options.targetKpi)} per period cannot be reached within the bounds: the most any budget can reach is about ${formatAmount(model.baseline + top.value)} per period, and 99% of the media part of that is reached at ${formatAmount(near)} per period (more spend adds almost nothing).`, { targetKpi: options.targetKpi, maximumKpi: model.baseline + top.value, budget: near });
  }
  const s = leastBudgetReaching(model, curves, constraints, target, top).solved!;
  return buildAllocation('minimum-budget', model, curves, s.limits, s.raw);
}

/**
 * The best allocation at the least budget whose media KPI reaches `value`, by bisection on the budget
 * in [0, top.budget] (V is non-decreasing in the budget); `top` must reach `value`.
 */
function leastBudgetReaching(model: ResponseModel, curves: readonly Curve[], constraints: AllocationConstraints, value: number, top: BudgetPoint): BudgetPoint {
  const first = budgetPoint(model, curves, constraints, 0);
  if (first.value >= value) return first;
  // Lower bounds and locks rule out any smaller budget: when their total already reaches the value it is
  // the answer, exactly. A bisection would stop a round-off above it and spread that excess over the
  // free channels, which then show the ROI and marginal ROI of a spend of 1e-6.
  const floor = lowerBoundsTotal(model, constraints);
  if (floor > 0) {
    const atFloor = budgetPoint(model, curves, constraints, floor);
    if (atFloor.value >= value) return atFloor;
  }
  let lo = 0, hi = top, hiBudget = top.budget;
  for (let it = 0; it < 200 && hiBudget - lo > 1e-10 * hiBudget; it++) {
    const mid = 0.5 * (lo + hiBudget);
    const p = budgetPoint(model, curves, constraints, mid);
    if (p.value >= value) { hi = p; hiBudget = mid; } else lo = mid;
  }
  return hi;
}

/** The least budget the lower bounds and locks allow, share bounds included (budgetRange); 0 when the bounds conflict. */
function lowerBoundsTotal(model: ResponseModel, constraints: AllocationConstraints): number {
  const range = budgetRange(model, constraints, 'up-to');
  return 'feasible' in range ? 0 : range.min;
}
