import type { AfterPlan } from './plan-types.ts';
import { proseAmount } from '../text/prose-format.ts';

/** A KPI under current spend and under the plan, and the plan's lift over current. */
export interface KpiChange {
  readonly current: number;
  readonly recommended: number;
  readonly lift: number;
}

/**
 * A plan's KPI split into the part inside its window and the carry-out after it, with what the
 * carry-out assumes about spend after the plan: the words `mixwise optimize --periods` prints under
 * its total and the report restates, so neither calls the total (window + carry-out) "over H periods".
 * `amount` formats every figure (default proseAmount; the CLI passes its table format); a lift is
 * prefixed with '+' unless it shows a minus.
 * @param periods H, the plan's periods
 * @param window the KPI inside the H periods
 * @param carryOut the KPI after them that spend in the plan adds
 * @param afterPlan 'dark' when no spend follows the plan; otherwise current spend resumes
 * @example planKpiSplitText(13, { current: 100, recommended: 110, lift: 10 }, { current: 40, recommended: 55, lift: 15 })
 *   // 'inside the 13 periods: 100 → 110 (+10); carry-out after them: 40 → 55 (+15), on top of current spend resumed after the plan'
 */
export function planKpiSplitText(periods: number, window: KpiChange, carryOut: KpiChange, afterPlan: AfterPlan = 'current', amount: (v: number) => string = proseAmount): string {
  const signed = (v: number): string => { const t = amount(v); return /^[-\u2212]/.test(t) ? t : `+${t}`; };
  const change = (k: KpiChange): string => `${amount(k.current)} → ${amount(k.recommended)} (${signed(k.lift)})`;
  const after = afterPlan === 'dark' ? 'assuming no spend after the plan' : 'on top of current spend resumed after the plan';
  return `inside the ${periods} periods: ${change(window)}; carry-out after them: ${change(carryOut)}, ${after}`;
}

/** The least budget of a KPI-target plan, as planMinimumBudget finds it (feasible). */
export interface PlanTargetBudget {
  /** The least budget over the plan. */
  readonly total: number;
  /** Whether the lower bounds and locks alone reach the target (the least budget is their total). */
  readonly floor: boolean;
}

/**
 * The sentence a KPI-target plan's recommendation starts with — `mixwise optimize --periods H
 * --target-kpi Y`, the server's /plan with targetKpi and the dashboard's KPI-target plan all use this
 * one: the target, what current spend held is predicted to bring inside the window, and the least
 * budget found (or that the lower bounds and locks alone reach it). Ends with '.', no space after.
 * @param least the least budget (planMinimumBudget's total and floor)
 * @param target the KPI to reach inside the window
 * @param periods H, the plan's periods
 * @param now the KPI inside the window with current spend held
 * @param period the word for one period ('period' by default; the dashboard passes its data's, e.g. 'week'), plural with an s
 * @example planTargetSentence({ total: 2.6e6, floor: false }, 4.1e6, 13, 3.9e6)
 *   // 'To reach 4,100,000 inside the next 13 periods (current spend is predicted to bring 3,900,000), the least budget that reaches it is 2,600,000 over them, planned for the KPI inside the window (spend whose effect lands after it does not count toward the target).'
 */
export function planTargetSentence(least: PlanTargetBudget, target: number, periods: number, now: number, period = 'period'): string {
  const budget = least.floor
    ? `the lower bounds and locks alone reach it, so the least budget is their total, ${proseAmount(least.total)}`
    : `the least budget that reaches it is ${proseAmount(least.total)} over them, planned for the KPI inside the window (spend whose effect lands after it does not count toward the target)`;
  return `To reach ${proseAmount(target)} inside the next ${periods} ${period}${periods === 1 ? '' : 's'} (current spend is predicted to bring ${proseAmount(now)}), ${budget}.`;
}
