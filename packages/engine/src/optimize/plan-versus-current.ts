import type { MmmModel } from '../model/mmm-model.ts';
import { allocateBudget } from './allocate-budget.ts';
import { bindingText } from './allocation-result.ts';
import { interval90, planLiftDraws } from './lift-draws.ts';
import { planValue } from './plan-objective.ts';
import { planPeriods } from './plan-periods.ts';
import type { PlanModel, PlanProgress, PlanResult } from './plan-types.ts';
import type { AllocationConstraints, BoundStatus, Infeasible } from './types.ts';

/** Options of `planVersusCurrent`. */
export interface PlanVersusCurrentOptions {
  /** Number of periods H to plan (≥ 1). */
  readonly periods: number;
  /** Budget over the H periods (default: current spend per period × H). */
  readonly total?: number;
  /** Bounds per channel per period, as for planPeriods. */
  readonly constraints?: AllocationConstraints;
  /** One model per bootstrap replicate or posterior draw (replicateModels), for the lift interval; their plan models are built as pm was (pm.built). */
  readonly replicates?: readonly MmmModel[];
  /** What the plan maximises (planPeriods): 'total' (window + carry-out, default) or 'window' (a KPI target inside it, planMinimumBudget). */
  readonly objective?: 'total' | 'window';
  /** Progress of the plan (planPeriods' 'plan starts', 'plan') and of the replicates' lifts ('lift interval'); the result is the same without it. */
  readonly onProgress?: (p: PlanProgress) => void;
}

/** A channel's per-period spend limits in a plan, and which of them the plan sits on. */
export interface PlanChannelBound {
  readonly lower: number;
  /** Infinity when unbounded. */
  readonly upper: number;
  /** 'at-lower' / 'at-upper' only when every period of the plan sits on that bound. */
  readonly status: BoundStatus;
  /** How many of the H periods sit on the lower / upper bound (0 for a locked channel). */
  readonly periodsAtLower: number;
  readonly periodsAtUpper: number;
}

/** A plan next to current spend held over the same periods. Plain JSON except `upper: Infinity`. */
export interface PlanComparison {
  readonly feasible: true;
  readonly plan: PlanResult;
  /** Current spend per period held over the H periods (every channel locked): the per-channel baseline of the plan. */
  readonly current: PlanResult;
  /** Per channel [nChannels]. */
  readonly bounds: readonly PlanChannelBound[];
  /**
   * 'budget', then each channel held by a bound in every period ('tv: upper bound', as
   * AllocationResult.binding) or in some of them ('tv: lower bound in 12 of 13 periods').
   */
  readonly binding: readonly string[];
  /**
   * Per channel, for current spend and the plan: the KPI its spend in the plan adds (window plus
   * carry-out, minus what the carry-in of spend before the plan earns with no plan spend) over that
   * spend; null for spend that is zero (up to 1e-9 of the budget's round-off).
   */
  readonly roi: readonly PlanPair[];
  /**
   * Per channel: the KPI of one more unit of spend spread over the H periods in proportion to the
   * channel's spend (evenly when it spends nothing). At an optimal plan it is the same for every
   * channel the bounds leave free (the budget's shadow price).
   */
  readonly mroi: readonly { readonly current: number; readonly recommended: number }[];
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
  const report = options.onProgress;
  const plan = planPeriods(pm, { periods: H, budget: { total }, constraints, objective: options.objective ?? 'total', onProgress: report });
  if (!plan.feasible) return plan;
  const locks = Object.fromEntries(pm.channels.map((c) => [c.name, true as const]));
  const current = planPeriods(pm, { periods: H, budget: { total: H * perPeriodNow }, constraints: { locks } }) as PlanResult;
  // Each period's limits at the mean budget per period (the same for every period under a total budget).
  const limits = allocateBudget(pm, { budget: total / H, constraints, mode: 'up-to' });
  const bounds = plan.channels.map((ch, c): PlanChannelBound => {
    const lower = limits.feasible ? limits.channels[c].lower : 0, upper = limits.feasible ? limits.channels[c].upper : Infinity;
    const locked = constraints.locks?.[ch.channel] !== undefined;
    const at = locked ? { lower: 0, upper: 0 } : periodsAtBounds(ch.spend, lower, upper);
    return { lower, upper, status: planBoundStatus(ch.spend, lower, upper, locked), periodsAtLower: at.lower, periodsAtUpper: at.upper };
  });
  const binding = ['budget', ...bounds.flatMap((b, c) => partialBinding(plan.channels[c].channel, b, H))];
  const { roi, mroi } = planReturns(pm, current, plan, total);
  const liftDraws = options.replicates ? planLiftDraws(options.replicates, periodMajor(current), periodMajor(plan), H, pm.built, report ? (done, of) => report({ phase: 'lift interval', done, total: of }) : undefined) : [];
  return { feasible: true, plan, current, bounds, binding, roi, mroi, liftDraws, liftInterval: interval90(liftDraws) };
}

/** A figure for current spend and for the plan; null where it is undefined. */
export interface PlanPair {
  readonly current: number | null;
  readonly recommended: number | null;
}

/**
 * Incremental and marginal ROI of each channel's spend in two plans. The KPI a channel earns in a
 * plan includes the carry-in of spend before it, which no plan spend pays for; it is what the channel
 * earns with zero plan spend (planValue at x = 0), subtracted before dividing by the spend. The
 * marginal ROI is the directional derivative of the channel's KPI (window + carry-out) along its own
 * spend pattern, per unit: Σ_s ∂KPI/∂x[s, c]·x[s, c] / Σ_s x[s, c].
 */
function planReturns(pm: PlanModel, current: PlanResult, plan: PlanResult, budget: number): { roi: PlanPair[]; mroi: { current: number; recommended: number }[] } {
  const H = plan.periods, nC = pm.channels.length;
  const zero = planValue(pm.channels, new Float64Array(H * nC), H);
  const returns = (p: PlanResult): { roi: (number | null)[]; mroi: number[] } => {
    const x = periodMajor(p), grad = new Float64Array(H * nC);
    const v = planValue(pm.channels, x, H, grad);
    const roi: (number | null)[] = [], mroi: number[] = [];
    for (let c = 0; c < nC; c++) {
      const spent = p.channels[c].total;
      const added = v.window[c] + v.carryOut[c] - zero.window[c] - zero.carryOut[c];
      roi.push(spent > 1e-9 * Math.max(1, budget) ? added / spent : null);
      let d = 0;
      for (let h = 0; h < H; h++) d += grad[h * nC + c] * (spent > 0 ? x[h * nC + c] / spent : 1 / H);
      mroi.push(d);
    }
    return { roi, mroi };
  };
  const now = returns(current), rec = returns(plan);
  return {
    roi: rec.roi.map((r, c) => ({ current: now.roi[c], recommended: r })),
    mroi: rec.mroi.map((m, c) => ({ current: now.mroi[c], recommended: m })),
  };
}

const boundTol = (v: number): number => 1e-6 * Math.max(1, Math.abs(v));

/** Which bound a channel's plan sits on in every period ('free' when not in all of them). */
function planBoundStatus(spend: readonly number[], lo: number, hi: number, locked: boolean): BoundStatus {
  if (locked) return 'locked';
  if (spend.every((x) => x <= lo + boundTol(lo))) return 'at-lower';
  if (Number.isFinite(hi) && spend.every((x) => x >= hi - boundTol(hi))) return 'at-upper';
  return 'free';
}

/** How many periods of a channel's plan sit on its lower and on its upper bound. */
function periodsAtBounds(spend: readonly number[], lo: number, hi: number): { lower: number; upper: number } {
  let lower = 0, upper = 0;
  for (const x of spend) {
    if (x <= lo + boundTol(lo)) lower++;
    else if (Number.isFinite(hi) && x >= hi - boundTol(hi)) upper++;
  }
  return { lower, upper };
}

/**
 * A channel's entries in `binding`: the bound it sits on in every period ('tv: lower bound'), or
 * the bounds it sits on in some periods ('tv: lower bound in 12 of 13 periods'), so a plan that
 * leans on a bound most of the time says so.
 */
function partialBinding(channel: string, b: PlanChannelBound, H: number): string[] {
  if (b.status !== 'free') return [bindingText(channel, b.status)];
  const some = (n: number, side: string): string[] => (n > 0 ? [`${channel}: ${side} bound in ${n} of ${H} periods`] : []);
  return [...some(b.periodsAtLower, 'lower'), ...some(b.periodsAtUpper, 'upper')];
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
