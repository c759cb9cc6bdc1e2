import { drawSource, explainPlan, geoSplitText, kpiMoney, planHolidaysText, planDates, planForKpiTarget, planBoundStatus, planModelFromMmm, planTargetSentence, planVersusCurrent, profit, profitText, replicateModels, type MmmModel } from '@mixwise/engine';
import type { PlanRequest, PlanResponse } from '@mixwise/contracts';
import { ApiHttpError } from '../http/api-http-error.ts';
import { defaultBoundsSentence, defaultedChannels, infeasibleMessage } from './api-wording.ts';
import { constraintsOf } from './constraints-of.ts';
import { geoSplitNowOf } from './geo-split-now.ts';
import { idleChannels, lateStartOf, referenceOf, referenceOption, referenceSentence } from './reference-periods.ts';

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * A flighted plan for the next `periods` periods of a fitted model, as `mixwise optimize --periods H`
 * makes it: the point curves with each channel's adstock and the spend before the plan
 * (planModelFromMmm, with the request's afterPlan), planned and set beside current spend held over
 * the same periods (planVersusCurrent), with the lift interval across the bootstrap replicate models
 * and the plan in words (explainPlan), plus a sentence when the default bounds hold channels in every
 * period (their per-period limits and status, as the CLI's allocation rows carry them). With a
 * `targetKpi` instead of a budget, as `mixwise optimize --periods H --target-kpi Y`: the budget is the
 * least whose plan puts the target inside the window (planMinimumBudget), and that plan is made for the
 * KPI inside the window (planVersusCurrent objective 'window'); `target` and the first sentence of the
 * recommendation say so. With a `margin`, as `--periods H --margin V`: the plan's gross profit after
 * media spend over the plan (engine profit, profitText 'over the plan'); the plan itself is unchanged.
 * With `referencePeriods`, as `--periods H --reference-periods N`: current spend and the baseline over
 * the last N modeled periods (optimizeModel says the rest).
 * @param model the run's model.json
 * @param request periods, budget (total over the plan; default current spend per period × periods) or targetKpi, bounds and locks per period, afterPlan, margin, referencePeriods
 * @returns spend per channel and period, KPI inside the window and after it, plan versus current, the paragraph
 * @throws ApiHttpError INFEASIBLE (422) explained in the request's terms (infeasibleMessage); BAD_REQUEST for unknown channels or referencePeriods beyond the window
 * @example planBudget(model, { periods: 13, bounds: {}, locks: [], afterPlan: 'current' }).allocation[0].spend.length // 13
 */
export function planBudget(model: MmmModel, request: PlanRequest): PlanResponse {
  const H = request.periods;
  const ref = referenceOf(model, request.referencePeriods);
  const pm = planModelFromMmm(model, { ...referenceOption(ref), afterPlan: request.afterPlan });
  const idle = idleChannels(model, ref, constraintsOf(pm, request.bounds, request.locks), request.bounds);
  const constraints = idle.constraints;
  const perPeriodNow = pm.channels.reduce((s, c) => s + c.current, 0);
  const target = request.targetKpi;
  const defaulted = () => defaultedChannels(pm.channels, request.bounds, request.locks);
  const replicates = replicateModels(model);
  const targeted = target !== undefined ? planForKpiTarget(pm, { periods: H, targetKpi: target, constraints, replicates }) : null;
  if (targeted && !targeted.feasible && targeted.stage === 'budget') {
    throw new ApiHttpError('INFEASIBLE', infeasibleMessage(targeted, { route: 'plan', budget: NaN, periods: H, defaulted: defaulted() }));
  }
  const total = request.budget ?? H * perPeriodNow;
  const cmp = targeted ?? planVersusCurrent(pm, { periods: H, total, constraints, replicates });
  if (!cmp.feasible) {
    throw new ApiHttpError('INFEASIBLE', infeasibleMessage(cmp, { route: 'plan', budget: targeted ? NaN : total, periods: H, defaulted: defaulted(), budgetSent: request.budget !== undefined || targeted !== null }));
  }
  const least = targeted?.feasible ? targeted.least : null;
  const { plan, current } = cmp;
  const k = plan.kpi;
  const now = cmp.current.kpi.current.window;
  const cur = k.current.window + k.current.carryOut, rec = k.recommended.window + k.recommended.carryOut;
  const budget = plan.budgetPerPeriod.reduce((s, v) => s + v, 0), currentBudget = H * perPeriodNow;
  const margin = request.margin ?? null;
  const gross = margin !== null ? profit(margin, { current: cur, recommended: rec }, { current: currentBudget, recommended: budget }) : null;
  // A geo-level model's plan assumes each period's budget split across geos by KPI share (or by the size column's share): say so, as the CLI does.
  const geoSplit = geoSplitText(model);
  return {
    referencePeriods: ref.referencePeriods, windowPeriods: ref.windowPeriods,
    kpi: model.target.name,
    periods: H,
    dates: planDates(model.dates[model.dates.length - 1], model.frequency, H),
    afterPlan: request.afterPlan,
    objective: target !== undefined ? { type: 'target-kpi', value: target } : { type: 'budget', value: request.budget ?? null },
    target: least && target !== undefined
      ? { kpi: target, budget: least.total, window: k.recommended.window, carryOut: k.recommended.carryOut, currentWindow: now, floor: least.floor }
      : null,
    budget,
    currentBudget,
    budgetPerPeriod: plan.budgetPerPeriod,
    allocation: plan.channels.map((ch, c) => {
      const now = H * pm.channels[c].current;
      const b = cmp.bounds[c];
      return {
        channel: ch.channel, spend: ch.spend, current: now, recommended: ch.total, change: ch.total - now, changeShare: now > 0 ? (ch.total - now) / now : null,
        kpiCurrent: { window: current.channels[c].window, carryOut: current.channels[c].carryOut },
        kpiRecommended: { window: ch.window, carryOut: ch.carryOut },
        roiCurrent: cmp.roi[c].current, roiRecommended: cmp.roi[c].recommended,
        mroiCurrent: finite(cmp.mroi[c].current), mroiRecommended: finite(cmp.mroi[c].recommended),
        bound: b.status, lower: b.lower, upper: finite(b.upper),
        levels: { low: ch.levels.low, high: ch.levels.high }, dataRange: ch.dataRange, beyondData: ch.beyondData,
      };
    }),
    expected: {
      current: cur, recommended: rec, lift: rec - cur, liftShare: cur !== 0 ? (rec - cur) / Math.abs(cur) : null,
      liftInterval: cmp.liftInterval, replicates: cmp.liftDraws.length,
      window: { current: k.current.window, recommended: k.recommended.window, lift: k.lift.window },
      carryOut: { current: k.current.carryOut, recommended: k.recommended.carryOut, lift: k.lift.carryOut },
    },
    binding: [...cmp.binding],
    iterations: plan.iterations,
    converged: plan.converged,
    // Limits per period beside current spend per period (not the plan's totals) tell the default bounds.
    recommendation: (least && target !== undefined ? `${planTargetSentence(least, target, H, now)} ` : '') + explainPlan(cmp, drawSource(model), { money: model.money, kpiMoney: kpiMoney(model.money, model.target.kind) }) + defaultBoundsSentence(cmp.bounds.map((b, c) => ({ ...b, status: planBoundStatus(b), channel: pm.channels[c].name, current: pm.channels[c].current })), constraints) + idle.note
      + (margin !== null && gross !== null ? profitText(margin, gross, null, 'over the plan', undefined, model.money) : '')
      + referenceSentence(ref),
    margin,
    profit: gross,
    // The same holidays and line as the CLI's plan.holidays and its text under the KPI.
    holidays: plan.holidays === undefined ? null : {
      periods: plan.holidays.periods.map((p) => ({ date: p.date, holidays: [...p.holidays] })), kpi: plan.holidays.kpi,
      events: plan.holidays.events.map((e) => ({ name: e.name, holidays: [...e.holidays], placed: e.placed })),
      calendar: plan.holidays.calendar, ...(plan.holidays.weekLabel === undefined ? {} : { weekLabel: plan.holidays.weekLabel }),
      text: planHolidaysText(plan.holidays, wholeNumber),
    },
    ...(geoSplit === null ? {} : { geoSplit }),
    // And what today's split across geos gives against that split, on the plan's point curves: the model's credit, which the plan does not move.
    ...(geoSplit === null ? {} : geoSplitNowOf(model, [], ref.asked)),
    ...lateStartOf(model, ref),
  };
}

/** A KPI amount as the CLI writes it (formatNumber): grouped, no decimals, no '-0'. */
function wholeNumber(v: number): string {
  const text = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(v);
  return text === '-0' ? '0' : text;
}
