import { compileCurve, type Curve } from './curve.ts';
import { buildAllocation, type RawAllocation } from './allocation-result.ts';
import { BUDGET_TOLERANCE, budgetInfeasible, normaliseBounds, type SpendLimits } from './normalise-bounds.ts';
import { solveAllocation } from './solve-allocation.ts';
import { checkAllocateOptions } from './check-allocate-options.ts';
import { cornerMultiplier } from './solve-kkt.ts';
import type { AllocationConstraints, AllocationResult, Infeasible, ResponseModel } from './types.ts';

/** Options of `allocateBudget`. */
export interface AllocateOptions {
  /** Total spend per period (currency units). */
  readonly budget: number;
  /** 'exact' spends the whole budget (default); 'up-to' may spend less when the rest would earn nothing. */
  readonly mode?: 'exact' | 'up-to';
  readonly constraints?: AllocationConstraints;
  /** Lattice size of the non-concave fallback (see solveAllocation). */
  readonly gridSteps?: number;
}

/** Compile every channel of a response model. @example compileCurves(model).length // nChannels */
export function compileCurves(model: ResponseModel): Curve[] {
  return model.channels.map(compileCurve);
}

/**
 * Limits and the best spend for one budget level, shared by every problem in this folder.
 * Upper bounds of +∞ are capped at what the budget can reach (budget − the other lower bounds). A
 * budget the bounds rule out is explained by budgetInfeasible (with the least or largest budget that works).
 * The multiplier is the marginal KPI of budget. At the corners, where every channel sits at one end
 * of its range, it is the derivative on the feasible side (`cornerMultiplier`): at budget = Σ lower
 * bounds, the return on the next unit (the largest marginal ROI among channels that can still grow);
 * at budget = Σ upper bounds, what the last unit returns (the smallest marginal ROI among channels
 * that can shrink). An 'up-to' budget above Σ upper bounds (beyond BUDGET_TOLERANCE) leaves money
 * unspent, so the budget does not bind and the multiplier is 0.
 * @returns the limits and solver output, or why the budget is infeasible
 */
export function solveBudget(model: ResponseModel, curves: readonly Curve[], constraints: AllocationConstraints, budget: number, mode: 'exact' | 'up-to', gridSteps?: number): { limits: SpendLimits; raw: RawAllocation } | Infeasible {
  const limits = normaliseBounds(model, constraints, budget);
  if ('feasible' in limits) return limits;
  const bad = budgetInfeasible(model, constraints, limits, budget, mode);
  if (bad) return bad;
  const n = curves.length;
  let sLo = 0, sHi = 0;
  for (let c = 0; c < n; c++) { sLo += limits.lo[c]; sHi += limits.hi[c]; }
  // A budget within BUDGET_TOLERANCE below the lower bounds' total spends that total.
  const spend = Math.max(sLo, Math.min(budget, sHi));
  let solved: RawAllocation;
  if (spend <= sLo || spend >= sHi) {
    // Every channel at one end of its range: the multiplier comes from the true bounds (the caps below
    // would leave no channel any room). An 'up-to' budget well above what the upper bounds take does not bind.
    const end = spend <= sLo ? 'lower' : 'upper';
    const slack = mode === 'up-to' && end === 'upper' && budget > sHi * (1 + BUDGET_TOLERANCE) + 1e-12;
    const multiplier = slack ? 0 : cornerMultiplier(curves, limits.lo, limits.hi, end);
    solved = { x: Float64Array.from(end === 'lower' ? limits.lo : limits.hi), multiplier, method: 'kkt', gap: 0 };
  } else {
    // The same room for every channel, so round-off cannot favour one.
    const room = spend - sLo;
    const hi = new Float64Array(n);
    for (let c = 0; c < n; c++) hi[c] = Math.min(limits.hi[c], limits.lo[c] + room);
    solved = solveAllocation(curves, limits.lo, hi, spend, gridSteps);
  }
  const x = solved.x;
  if (mode === 'up-to') {
    // Spend that earns nothing (zero marginal return, e.g. coef = 0) is not spent.
    for (let c = 0; c < n; c++) if (limits.locked[c] === 0 && curves[c].d1(x[c]) === 0 && curves[c].value(x[c]) === curves[c].value(limits.lo[c])) x[c] = limits.lo[c];
  }
  return { limits: { lo: limits.lo, hi: limits.hi, locked: limits.locked }, raw: { ...solved, x } };
}

/**
 * Maximise the predicted KPI per period for a total budget per period: Σ_c coef_c·f_c(gain_c·x_c)
 * subject to Σ x_c = budget (or ≤ budget with mode 'up-to') and the constraints. Exact by KKT for
 * concave curves; for S-shaped Hill curves certified by a concave-envelope bound, with a lattice
 * dynamic programme and Newton polish as fallback (see `solveAllocation` for the method and its
 * guarantee, reported as `optimalityGap`).
 * @param model channels' steady-state curves, current spend and baseline (see responseModelFromMmm)
 * @param options budget (per period), mode, constraints
 * @returns an Allocation, or an Infeasible explaining why (conflicting bounds, budget below Σ lower
 *   bounds, or above Σ upper bounds for an exact budget)
 * @throws EngineError('INVALID_ARGUMENT') for a negative, non-finite or > MAX_BUDGET (1e15) budget, an unknown
 *   option or constraint key (checkAllocateOptions), unknown channel names, bad curves
 * @example allocateBudget(twoEqualChannels, { budget: 100 }) // { feasible: true, channels: [{ recommended: 50 }, { recommended: 50 }], … }
 */
export function allocateBudget(model: ResponseModel, options: AllocateOptions): AllocationResult {
  checkAllocateOptions(options); // unknown keys and out-of-range budgets are errors, as in the HTTP API
  const curves = compileCurves(model);
  const solved = solveBudget(model, curves, options.constraints ?? {}, options.budget, options.mode ?? 'exact', options.gridSteps);
  if ('feasible' in solved) return solved;
  return buildAllocation('budget', model, curves, solved.limits, solved.raw);
}
