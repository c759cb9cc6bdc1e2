import { drawSource, explainPlan, kpiMoney, planDates, planForKpiTarget, planTargetSentence, planVersusCurrent } from '@mixwise/engine';
import { infeasibleHint, sparseData, type OptimizationChannel, type OptimizeOutcome } from './optimize-output.ts';
import { finite, optimisedPlanModel, type OptimizeContext } from './optimize-context.ts';

const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);

/**
 * `mixwise optimize --periods H`: a flighted plan over the next H periods (planPeriods, carryover from
 * the spend before the plan included), compared with current spend sustained over the same periods
 * (solved as the plan with every channel locked at current). Spend and KPI are totals over the plan;
 * the expected KPI is the KPI inside the window plus the media carry-out after it. With --target-kpi Y
 * the budget is the least whose plan puts Y inside the window (planMinimumBudget), planned for the
 * window's KPI.
 * @param ctx the shared context of runOptimize; periods H ≥ 1
 * @returns the plan in the optimization.json contract, or the engine's explanation when infeasible
 * @example planOutput(ctx, 4).plan.budget_per_period.length // 4
 */
export function planOutput(ctx: OptimizeContext, periods: number): OptimizeOutcome {
  const pm = optimisedPlanModel(ctx);
  const { objective, constraints } = ctx.request;
  const perPeriodNow = sum(pm.channels.map((c) => c.current));
  // Progress on stderr as for the steady-state steps: 'minimum budget' (a target's search), 'plan starts', 'plan', 'lift interval'.
  const onProgress = ctx.onProgress;
  const targeted = objective.type === 'target-kpi' ? planForKpiTarget(pm, { periods, targetKpi: objective.value, constraints, replicates: ctx.replicates, onProgress }) : null;
  const cmp = targeted ?? planVersusCurrent(pm, { periods, total: objective.type === 'budget' && objective.value !== null ? objective.value : periods * perPeriodNow, constraints, replicates: ctx.replicates, onProgress });
  if (!cmp.feasible) return { feasible: false, reason: cmp.reason, message: cmp.message, hint: infeasibleHint(cmp, { plan: true }), details: cmp.details, objective };
  const least = targeted?.feasible ? targeted.least : null;
  const { plan, liftInterval: interval } = cmp;
  const allocation: OptimizationChannel[] = plan.channels.map((ch, c) => {
    const cur = periods * pm.channels[c].current;
    const { lower: lo, upper: hi, status, periodsAtLower, periodsAtUpper } = cmp.bounds[c];
    return {
      channel: ch.channel, current: cur, recommended: ch.total, change: ch.total - cur, change_share: cur > 0 ? (ch.total - cur) / cur : null,
      roi_current: cmp.roi[c].current, roi_recommended: cmp.roi[c].recommended,
      mroi_current: cmp.mroi[c].current, mroi_recommended: cmp.mroi[c].recommended,
      bound: status, lower: lo, upper: finite(hi), spend: ch.spend, periods_at_lower: periodsAtLower, periods_at_upper: periodsAtUpper,
      plan_levels: [ch.levels.low, ch.levels.high],
      ...(ch.dataRange ? { data_range: [ch.dataRange.low, ch.dataRange.high] as [number, number] } : {}), beyond_data: ch.beyondData,
      ...sparseData(ch.dataRange),
    };
  });
  const k = plan.kpi;
  const window = { current: k.current.window, recommended: k.recommended.window, lift: k.lift.window };
  const carryOut = { current: k.current.carryOut, recommended: k.recommended.carryOut, lift: k.lift.carryOut };
  const cur = window.current + carryOut.current, rec = window.recommended + carryOut.recommended;
  return {
    feasible: true, kpi: ctx.model.target.name, mode: 'plan', problem: least ? 'minimum-budget' : 'plan', objective,
    budget: sum(plan.budgetPerPeriod), current_budget: periods * perPeriodNow, periods, reference_periods: ctx.referencePeriods, window_periods: ctx.model.window.end - ctx.model.window.start, allocation,
    expected: { current: cur, recommended: rec, lift: rec - cur, lift_share: cur !== 0 ? (rec - cur) / Math.abs(cur) : null, ...(interval ? { lift_interval: interval } : {}), window, carry_out: carryOut },
    binding: [...cmp.binding], multiplier: null, method: 'dual decomposition + spectral projected gradient', optimality_gap: null,
    recommendation: (least ? `${planTargetSentence(least, objective.value ?? NaN, periods, cmp.current.kpi.current.window)} ` : '') + explainPlan(cmp, drawSource(ctx.model), { money: ctx.model.money, kpiMoney: kpiMoney(ctx.model.money, ctx.model.target.kind) }),
    uncertainty: ctx.uncertainty,
    plan: {
      dates: planDates(ctx.model.dates[ctx.model.dates.length - 1], ctx.model.frequency, periods), budget_per_period: plan.budgetPerPeriod,
      after_plan: pm.built?.afterPlan ?? 'current', iterations: plan.iterations, converged: plan.converged,
      ...(plan.holidays === undefined ? {} : { holidays: plan.holidays }),
    },
  };
}
