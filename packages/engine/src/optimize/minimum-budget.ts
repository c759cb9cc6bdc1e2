import { compileCurves } from './allocate-budget.ts';
import { buildAllocation } from './allocation-result.ts';
import { budgetPoint, crossing, plateauBudget, type BudgetPoint } from './budget-search.ts';
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
 * is found by Illinois steps on B (to 1e-10 relative) after an upper bracket is found by doubling
 * from the current total; each V(B) is an `allocateBudget` solve. A target above mediaSupremum (every
 * channel at its most) is unreachable without a solve. Share bounds are shares of each
 * candidate budget. A target the lower bounds and locks already reach (one at or below the baseline,
 * for instance) costs exactly their total, every channel at its lower bound.
 * @param model the response model; options the target (total KPI per period) and constraints
 * @returns the allocation at that budget (problem 'minimum-budget', expected.recommended ≥ target),
 *   or Infeasible 'TARGET_UNREACHABLE' with the most KPI any budget within the bounds can reach
 *   (details.limitedBy 'bounds' when an upper bound or lock caps it, 'curves' when nothing does),
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
  const start = Math.max(currentTotal, 1e-9);
  // Beyond what every channel at its most could return, no budget reaches the target: that needs no
  // solve at all, where doubling the budget until V stops growing can take 40 solves of slow curves.
  const { value: most, bounded } = mediaSupremum(model, curves, constraints, start);
  const top = target > most * (1 + 1e-9) + 1e-300
    ? { budget: Infinity, value: most, solved: null }
    : plateauBudget(model, curves, constraints, start, target);
  if (!(top.value >= target)) {
    // The plateau search doubles the budget until the value stops growing, so top.budget can be far
    // above anything worth spending (curves that level off slowly) or above the bounds' total (an
    // "up to" budget): quote the spend where 99% of the reachable media KPI is already bought.
    const at = leastBudgetReaching(model, curves, constraints, 0.99 * top.value,
      Number.isFinite(top.budget) ? top : plateauBudget(model, curves, constraints, start, 0.99 * top.value));
    const near = at.solved === null ? at.budget : at.solved.raw.x.reduce((a, b) => a + b, 0);
    const where = bounded ? ' within the bounds' : '';
    const why = bounded ? '' : ' (every channel\'s response levels off)';
    return infeasible('TARGET_UNREACHABLE', `The KPI target ${formatAmount(options.targetKpi)} per period cannot be reached${where}: the most any budget can reach is about ${formatAmount(model.baseline + top.value)} per period${why}, and 99% of the media part of that is reached at ${formatAmount(near)} per period (more spend adds almost nothing).`,
      { targetKpi: options.targetKpi, maximumKpi: model.baseline + top.value, budget: near, limitedBy: bounded ? 'bounds' : 'curves' });
  }
  const least = leastBudgetReaching(model, curves, constraints, target, top);
  const s = least.solved!;
  // When the lower bounds alone reach the target, the bounds set the budget, not the target: the
  // budget's marginal return (the next unit's, at that corner) is no price of the target, so none is quoted.
  return buildAllocation('minimum-budget', model, curves, s.limits, least.floor ? { ...s.raw, multiplier: 0 } : s.raw);
}

/**
 * The best allocation at the least budget whose media KPI reaches `value`, by Illinois steps on the budget
 * in [0, top.budget] (V is non-decreasing in the budget); `top` must reach `value`. `floor` is true when
 * the lower bounds and locks alone (or no spend at all) reach it: the answer is their total.
 */
function leastBudgetReaching(model: ResponseModel, curves: readonly Curve[], constraints: AllocationConstraints, value: number, top: BudgetPoint): BudgetPoint & { floor: boolean } {
  const first = budgetPoint(model, curves, constraints, 0);
  if (first.value >= value) return { ...first, floor: true };
  // Lower bounds and locks rule out any smaller budget: when their total already reaches the value it is
  // the answer, exactly. A bisection would stop a round-off above it and spread that excess over the
  // free channels, which then show the ROI and marginal ROI of a spend of 1e-6.
  const floor = lowerBoundsTotal(model, constraints);
  if (floor > 0) {
    const atFloor = budgetPoint(model, curves, constraints, floor);
    if (atFloor.value >= value) return { ...atFloor, floor: true };
  }
  // V(B) − value is non-decreasing: V(0) < value ≤ V(top).
  return { ...crossing((b) => budgetPoint(model, curves, constraints, b), (p) => p.value - value, top, 0, first.value - value), floor: false };
}

/**
 * The most media KPI any budget up to 2^40 × `start` can buy (the plateau search's reach): each
 * channel at its upper bound for that budget (bounds only widen as the budget grows), or at the
 * limit of its curve when unbounded (doubling x until the value grows by less than 1e-13 relative;
 * Infinity for curves that keep growing, such as log1p). An upper bound on V(B) for those budgets;
 * `bounded` says whether some channel's upper bound or lock (rather than its curve) caps it.
 */
function mediaSupremum(model: ResponseModel, curves: readonly Curve[], constraints: AllocationConstraints, start: number): { value: number; bounded: boolean } {
  const limits = normaliseBounds(model, constraints, start * 2 ** 40);
  if ('feasible' in limits) return { value: Infinity, bounded: true };
  let total = 0, bounded = false;
  for (let c = 0; c < curves.length; c++) {
    const hi = limits.hi[c];
    if (Number.isFinite(hi)) { total += curves[c].value(hi); bounded = true; continue; }
    let x = Math.max(start, curves[c].inflection), v = curves[c].value(x), done = false;
    for (let k = 0; k < 400 && !done; k++) {
      x *= 2;
      const next = curves[c].value(x);
      done = next - v <= 1e-13 * Math.abs(next);
      v = next;
    }
    if (!done) return { value: Infinity, bounded };
    total += v;
  }
  return { value: total, bounded };
}

/** The least budget the lower bounds and locks allow, share bounds included (budgetRange); 0 when the bounds conflict. */
function lowerBoundsTotal(model: ResponseModel, constraints: AllocationConstraints): number {
  const range = budgetRange(model, constraints, 'up-to');
  return 'feasible' in range ? 0 : range.min;
}
