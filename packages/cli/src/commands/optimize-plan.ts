import { allocateBudget, outsideDataText, planPeriods, type BoundStatus, type PlanResult } from '@mixwise/engine';
import { formatNumber } from '../render/format.ts';
import { infeasibleHint, type OptimizationChannel, type OptimizeOutcome } from './optimize-output.ts';
import { finite, intervalSentence, optimisedPlanModel, type OptimizeContext } from './optimize-context.ts';
import { interval90, planLiftDraws } from './optimize-uncertainty.ts';

const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);
const pct = (v: number): string => `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)}%`;
const amount = (v: number): string => formatNumber(v, Math.abs(v) >= 100 ? 0 : 2);

function planStatus(spend: readonly number[], lo: number, hi: number, locked: boolean): BoundStatus {
  if (locked) return 'locked';
  const tol = (v: number): number => 1e-6 * Math.max(1, Math.abs(v));
  if (spend.every((x) => x <= lo + tol(lo))) return 'at-lower';
  if (Number.isFinite(hi) && spend.every((x) => x >= hi - tol(hi))) return 'at-upper';
  return 'free';
}

/**
 * `mixwise optimize --periods H`: a flighted plan over the next H periods (planPeriods, carryover from
 * the spend before the plan included), compared with current spend sustained over the same periods
 * (solved as the plan with every channel locked at current). Spend and KPI are totals over the plan;
 * the expected KPI is the KPI inside the window plus the media carry-out after it.
 * @param ctx the shared context of runOptimize; periods H ≥ 1
 * @returns the plan in the optimization.json contract, or the engine's explanation when infeasible
 * @example planOutput(ctx, 4).plan.budget_per_period.length // 4
 */
export function planOutput(ctx: OptimizeContext, periods: number): OptimizeOutcome {
  const pm = optimisedPlanModel(ctx);
  const { objective, constraints } = ctx.request;
  const perPeriodNow = sum(pm.channels.map((c) => c.current));
  const total = objective.type === 'budget' && objective.value !== null ? objective.value : periods * perPeriodNow;
  const plan = planPeriods(pm, { periods, budget: { total }, constraints });
  if (!plan.feasible) return { feasible: false, reason: plan.reason, message: plan.message, hint: infeasibleHint(plan), details: plan.details, objective };
  const locks = Object.fromEntries(pm.channels.map((c) => [c.name, true as const]));
  const now = planPeriods(pm, { periods, budget: { total: periods * perPeriodNow }, constraints: { locks } }) as PlanResult;
  const limits = allocateBudget(pm, { budget: total / periods, constraints, mode: 'up-to' });
  const allocation: OptimizationChannel[] = plan.channels.map((ch, c) => {
    const cur = periods * pm.channels[c].current;
    const lo = limits.feasible ? limits.channels[c].lower : 0, hi = limits.feasible ? limits.channels[c].upper : Infinity;
    return {
      channel: ch.channel, current: cur, recommended: ch.total, change: ch.total - cur, change_share: cur > 0 ? (ch.total - cur) / cur : null,
      roi_current: cur > 0 ? (now.channels[c].window + now.channels[c].carryOut) / cur : null,
      roi_recommended: ch.total > 0 ? (ch.window + ch.carryOut) / ch.total : null,
      mroi_current: null, mroi_recommended: null,
      bound: planStatus(ch.spend, lo, hi, constraints.locks?.[ch.channel] !== undefined), lower: lo, upper: finite(hi), spend: ch.spend,
      plan_levels: [ch.levels.low, ch.levels.high],
      ...(ch.dataRange ? { data_range: [ch.dataRange.low, ch.dataRange.high] as [number, number] } : {}), beyond_data: ch.beyondData,
    };
  });
  const draws = planLiftDraws(ctx.replicates, periodMajor(now), periodMajor(plan), periods, ctx.request.referencePeriods);
  const interval = interval90(draws);
  const k = plan.kpi;
  const window = { current: k.current.window, recommended: k.recommended.window, lift: k.lift.window };
  const carryOut = { current: k.current.carryOut, recommended: k.recommended.carryOut, lift: k.lift.carryOut };
  const cur = window.current + carryOut.current, rec = window.recommended + carryOut.recommended;
  const binding = ['budget', ...allocation.filter((a) => a.bound !== 'free').map((a) => `${a.channel}: ${a.bound === 'locked' ? 'locked' : a.bound === 'at-lower' ? 'lower bound' : 'upper bound'}`)];
  return {
    feasible: true, kpi: ctx.model.target.name, mode: 'plan', problem: 'plan', objective,
    budget: sum(plan.budgetPerPeriod), current_budget: periods * perPeriodNow, periods, reference_periods: ctx.referencePeriods, allocation,
    expected: { current: cur, recommended: rec, lift: rec - cur, lift_share: cur !== 0 ? (rec - cur) / Math.abs(cur) : null, ...(interval ? { lift_interval: interval } : {}), window, carry_out: carryOut },
    binding, multiplier: null, method: 'dual decomposition + spectral projected gradient', optimality_gap: null,
    recommendation: planSentence(plan, allocation, perPeriodNow, binding) + intervalSentence(interval, draws.length),
    uncertainty: ctx.uncertainty,
    plan: { budget_per_period: plan.budgetPerPeriod, iterations: plan.iterations, converged: plan.converged },
  };
}

/** The plain-language paragraph of a plan, with its numbers. */
function planSentence(plan: PlanResult, allocation: readonly OptimizationChannel[], perPeriodNow: number, binding: readonly string[]): string {
  const H = plan.periods, total = sum(plan.budgetPerPeriod);
  const moves = [...allocation].filter((a) => Math.abs(a.change) > 1e-9 * Math.max(1, total)).sort((a, b) => Math.abs(b.change) - Math.abs(a.change)).slice(0, 3)
    .map((a) => `${a.change > 0 ? 'raise' : 'cut'} ${a.channel} from ${amount(a.current)} to ${amount(a.recommended)}${a.change_share !== null ? ` (${pct(a.change_share)})` : ''}`);
  const lo = Math.min(...plan.budgetPerPeriod), hi = Math.max(...plan.budgetPerPeriod);
  const flight = hi - lo > 1e-6 * Math.max(1, hi) ? ` Spend per period ranges from ${amount(lo)} to ${amount(hi)} (flighting).` : ' Spend is even across the periods.';
  const w = plan.kpi, pctOf = (a: number, b: number): string => (b !== 0 ? ` (${pct((a - b) / Math.abs(b))})` : '');
  const binds = binding.filter((b) => b !== 'budget');
  return `Spend ${amount(total)} over the next ${H} periods (${amount(total / H)} per period on average vs ${amount(perPeriodNow)} now)`
    + `${moves.length > 0 ? `: over the plan, ${moves.join(', ')}` : ' with the current split'}.${flight}`
    + ` Inside the window the KPI is predicted to move from ${amount(w.current.window)} to ${amount(w.recommended.window)}${pctOf(w.recommended.window, w.current.window)},`
    + ` and the carry-out after it from ${amount(w.current.carryOut)} to ${amount(w.recommended.carryOut)}: ${w.lift.total >= 0 ? '+' : ''}${amount(w.lift.total)} in total.`
    + (binds.length > 0 ? ` Constraints that bind: ${binds.join(', ')}.` : '')
    + planBeyondDataText(plan)
    + (plan.converged ? '' : ` The planner stopped after ${plan.iterations} iterations before converging; the plan may be improved slightly.`);
}

/** The 'Outside the data' sentence naming the channels whose plan reaches adstocked levels the fitted data never showed, or ''. */
function planBeyondDataText(plan: PlanResult): string {
  return outsideDataText(plan.channels.filter((c) => c.beyondData !== null && c.dataRange !== null).map((c) => {
    const r = c.dataRange as { low: number; high: number };
    const level = c.beyondData === 'above' ? `up to ${amount(c.levels.high)}` : `down to ${amount(c.levels.low)}`;
    return `${c.channel} reaches a sustained level ${level} per period, ${c.beyondData} any in the data (the data show ${amount(r.low)} to ${amount(r.high)})`;
  }));
}

/** A plan's spend as [H × nChannels] period-major (the layout planValue reads). */
function periodMajor(plan: PlanResult): Float64Array {
  const H = plan.periods, nC = plan.channels.length;
  const x = new Float64Array(H * nC);
  plan.channels.forEach((ch, c) => { for (let h = 0; h < H; h++) x[h * nC + c] = ch.spend[h]; });
  return x;
}
