import type { MmmModel } from '../model/mmm-model.ts';
import { allocateBudget } from './allocate-budget.ts';
import { bindingText } from './allocation-result.ts';
import { interval90, planLiftDraws } from './lift-draws.ts';
import { planPeriods } from './plan-periods.ts';
import type { PlanModel, PlanResult } from './plan-types.ts';
import type { AllocationConstraints, BoundStatus, Infeasible } from './types.ts';

/** Options of `planVersusCurrent`. */
export interface PlanVersusCurrentOptions {
  /** Number of periods H to plan (≥ 1). */
  readonly periods: number;
  /** Budget over the H periods (default: current spend per period × H). */
  readonly total?: number;
  /** Bounds per channel per period, as for planPeriods. */
  readonly constraints?: AllocationConstraints;
  /** One model per bootstrap replicate or posterior draw (replicateModels), for the lift interval. */
  readonly replicates?: readonly MmmModel[];
  /** Rows that define current spend (as given to planModelFromMmm), so replicates use the same reference. */
  readonly referencePeriods?: number;
}

/** A channel's per-period spend limits in a plan, and which of them the plan sits on. */
export interface PlanChannelBound {
  readonly lower: number;
  /** Infinity when unbounded. */
  readonly upper: number;
  /** 'at-lower' / 'at-upper' only when every period of the plan sits on that bound. */
  readonly status: BoundStatus;
}

/** A plan next to current spend held over the same periods. Plain JSON except `upper: Infinity`. */
export interface PlanComparison {
  readonly feasible: true;
  readonly plan: PlanResult;
  /** Current spend per period held over the H periods (every channel locked): the per-channel baseline of the plan. */
  readonly current: PlanResult;
  /** Per channel [nChannels]. */
  readonly bounds: readonly PlanChannelBound[];
  /** 'budget', then each channel held by a bound in every period ('tv: upper bound'), as AllocationResult.binding. */
  readonly binding: readonly string[];
  /**
   * Per channel: its KPI inside the window plus the carry-out, over its spend in the plan, for current
   * spend and the plan; null for spend that is zero (up to 1e-9 of the budget's round-off), whose KPI
   * is only the carry-in of spend before the plan.
   */
  readonly roi: readonly { readonly current: number | null; readonly recommended: number | null }[];
  /** Plan KPI (window + carry-out) minus current, one per replicate (empty without replicates). */
  readonly liftDraws: readonly number[];
  /** 5–95 % of liftDraws, null with fewer than 10 replicates. */
  readonly liftInterval: [number, number] | null;
}

/**
 * Plan the next H periods (`planPeriods`, one total budget, flighting allowed) and set it beside
 * current spend held over the same periods, with the lift interval across replicate models: the
 * one comparison `mixwise optimize --periods` and the dashboard's plan both show.
 * @param pm the plan model (planModelFromMmm of the point model)
 * @param options periods, total budget, constraints, replicates for the interval
 * @returns the comparison, or the planner's Infeasible explanation
 * @throws EngineError('INVALID_ARGUMENT') for a bad H or bad constraints
 * @example planVersusCurrent(planModelFromMmm(model), { periods: 13 }).plan.kpi.lift.total // ≥ 0
 */
export function planVersusCurrent(pm: PlanModel, options: PlanVersusCurrentOptions): PlanComparison | Infeasible {
  const H = options.periods;
  const constraints = options.constraints ?? {};
  const perPeriodNow = pm.channels.reduce((s, c) => s + c.current, 0);
  const total = options.total ?? H * perPeriodNow;
  const plan = planPeriods(pm, { periods: H, budget: { total }, constraints });
  if (!plan.feasible) return plan;
  const locks = Object.fromEntries(pm.channels.map((c) => [c.name, true as const]));
  const current = planPeriods(pm, { periods: H, budget: { total: H * perPeriodNow }, constraints: { locks } }) as PlanResult;
  // Each period's limits at the mean budget per period (the same for every period under a total budget).
  const limits = allocateBudget(pm, { budget: total / H, constraints, mode: 'up-to' });
  const bounds = plan.channels.map((ch, c): PlanChannelBound => {
    const lower = limits.feasible ? limits.channels[c].lower : 0, upper = limits.feasible ? limits.channels[c].upper : Infinity;
    return { lower, upper, status: planBoundStatus(ch.spend, lower, upper, constraints.locks?.[ch.channel] !== undefined) };
  });
  const binding = ['budget', ...bounds.flatMap((b, c) => (b.status === 'free' ? [] : [bindingText(plan.channels[c].channel, b.status)]))];
  const roiOf = (ch: PlanResult['channels'][number]): number | null => (ch.total > 1e-9 * Math.max(1, total) ? (ch.window + ch.carryOut) / ch.total : null);
  const roi = plan.channels.map((ch, c) => ({ current: roiOf(current.channels[c]), recommended: roiOf(ch) }));
  const liftDraws = options.replicates ? planLiftDraws(options.replicates, periodMajor(current), periodMajor(plan), H, options.referencePeriods) : [];
  return { feasible: true, plan, current, bounds, binding, roi, liftDraws, liftInterval: interval90(liftDraws) };
}

/** Which bound a channel's plan sits on in every period ('free' when not in all of them). */
function planBoundStatus(spend: readonly number[], lo: number, hi: number, locked: boolean): BoundStatus {
  if (locked) return 'locked';
  const tol = (v: number): number => 1e-6 * Math.max(1, Math.abs(v));
  if (spend.every((x) => x <= lo + tol(lo))) return 'at-lower';
  if (Number.isFinite(hi) && spend.every((x) => x >= hi - tol(hi))) return 'at-upper';
  return 'free';
}

/**
 * A plan's spend as [H × nChannels] period-major (the layout planValue reads).
 * @example periodMajor(plan).length // H × nChannels
 */
export function periodMajor(plan: PlanResult): Float64Array {
  const H = plan.periods, nC = plan.channels.length;
  const x = new Float64Array(H * nC);
  plan.channels.forEach((ch, c) => { for (let h = 0; h < H; h++) x[h * nC + c] = ch.spend[h]; });
  return x;
}
