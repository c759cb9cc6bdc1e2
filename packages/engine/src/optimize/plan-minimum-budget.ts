import { budgetRange, formatAmount, infeasible } from './normalise-bounds.ts';
import { planPeriods } from './plan-periods.ts';
import type { PlanModel } from './plan-types.ts';
import type { AllocationConstraints, Infeasible } from './types.ts';

/** Options of `planMinimumBudget`. */
export interface PlanMinimumBudgetOptions {
  /** Number of periods H to plan (≥ 1). */
  readonly periods: number;
  /** KPI to reach inside the H periods, in total: baseline + media, carry-in included (PlanResult.kpi …window). */
  readonly targetKpi: number;
  /** Bounds per channel per period, as for planPeriods. */
  readonly constraints?: AllocationConstraints;
  /**
   * Called after each plan solve with the solves done and an estimate of all of them (the remaining
   * bisection steps are known only once the target is bracketed), last with done = total.
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The least plan budget for a KPI target inside the window. */
export interface PlanMinimumBudget {
  readonly feasible: true;
  /** Least budget over the H periods whose best plan reaches the target inside the window. */
  readonly total: number;
  /** That plan's KPI inside the window (≥ the target). */
  readonly window: number;
  /** True when the lower bounds and locks alone reach the target: the budget is their total. */
  readonly floor: boolean;
}

/** Relative width at which the bisection on the budget stops. */
const TOLERANCE = 1e-6;

/**
 * The least budget over the next H periods whose plan reaches a KPI target inside them ("what must we
 * spend next quarter to book Y"). Each budget B is planned for the KPI inside the window (planPeriods,
 * objective 'window': spend whose effect lands after the window does not count toward the target),
 * W(B) its best window KPI; W is non-decreasing in B (every response curve is), so the least B with
 * W(B) ≥ target is found by bisection on B, to TOLERANCE relative, after an upper bracket: the most
 * the per-period upper bounds allow, or doubling from current spend when nothing caps it. Each W(B)
 * is a plan solve (tens of milliseconds for 13 periods), so this takes a second or two (the CLI's
 * whole run, 2.1 s on the retail preset with 13 periods). With S-shaped
 * curves a plan is a local optimum, so W is monotone only up to the planner's tolerance.
 * @param pm the plan model (planModelFromMmm)
 * @param options periods, the target over the window (baseline included) and constraints
 * @returns the budget and its window KPI, or Infeasible 'TARGET_UNREACHABLE' with the most the bounds
 *   (or levelling-off curves) allow inside the window, or the bounds' own Infeasible
 * @throws EngineError('INVALID_ARGUMENT') for a bad H or bad constraints (from planPeriods)
 * @example planMinimumBudget(pm, { periods: 13, targetKpi: 1.05 * currentWindowKpi }).total // budget over the 13 periods
 */
export function planMinimumBudget(pm: PlanModel, options: PlanMinimumBudgetOptions): PlanMinimumBudget | Infeasible {
  const H = options.periods, target = options.targetKpi;
  const constraints = options.constraints ?? {};
  const range = budgetRange(pm, constraints, 'exact');
  if ('feasible' in range) return range;
  let solves = 0;
  // Bisection steps left to narrow [a, b] to TOLERANCE; before a bracket, one more solve and those from [0, b].
  const left = (a: number, b: number): number => (b - a > TOLERANCE * b ? Math.ceil(Math.log2((b - a) / (TOLERANCE * b))) : 0);
  const report = (more: number): void => options.onProgress?.(solves, solves + more);
  const windowKpi = (total: number): number => {
    const plan = planPeriods(pm, { periods: H, budget: { total }, constraints, objective: 'window' });
    solves++;
    return plan.feasible ? plan.kpi.recommended.window : -Infinity;
  };
  const done = <T>(result: T): T => { report(0); return result; };
  let lo = range.min * H;
  report(2 + left(0, 1));
  const atFloor = windowKpi(lo);
  if (atFloor >= target) return done({ feasible: true, total: lo, window: atFloor, floor: true });
  report(1 + left(0, 1));
  let hi: number, atHi: number;
  if (Number.isFinite(range.max)) {
    hi = range.max * H;
    atHi = windowKpi(hi);
    report(left(lo, hi));
  } else {
    // Nothing caps the spend: double from current spend (or, with none, the channels' own spend scale)
    // until the target is reached or the media part of W levels off (judged on it, not on a total the
    // baseline dominates).
    const now = pm.channels.reduce((s, c) => s + c.current, 0);
    hi = Math.max(lo, H * (now > 0 ? now : pm.channels.reduce((s, c) => s + c.scale, 0)));
    atHi = windowKpi(hi);
    report(atHi < target ? 1 + left(0, 1) : left(lo, hi));
    for (let k = 0; k < 60 && atHi < target; k++) {
      const next = windowKpi(2 * hi);
      if (next - atHi <= 1e-9 * Math.abs(next - atFloor)) break;
      lo = hi;
      hi *= 2;
      atHi = next;
      report(atHi < target ? 1 + left(0, 1) : left(lo, hi));
    }
  }
  if (!(atHi >= target)) {
    const where = Number.isFinite(range.max) ? 'within the bounds' : 'at any budget (every channel\'s response levels off)';
    return done(infeasible('TARGET_UNREACHABLE', `The KPI target ${formatAmount(target)} over the next ${H} periods cannot be reached ${where}: the most the plan can put inside them is about ${formatAmount(atHi)}, at a budget of ${formatAmount(hi)} over the ${H} periods.`,
      { targetKpi: target, maximumKpi: atHi, budget: hi, limitedBy: Number.isFinite(range.max) ? 'bounds' : 'curves' }));
  }
  let reached = atHi;
  while (hi - lo > TOLERANCE * hi) {
    const mid = 0.5 * (lo + hi), w = windowKpi(mid);
    if (w >= target) { hi = mid; reached = w; } else lo = mid;
    report(left(lo, hi));
  }
  return done({ feasible: true, total: hi, window: reached, floor: false });
}
