import { planKpiSplitText, planTargetSentence, type AfterPlan, type AllocationConstraints, type PlanComparison } from '@mixwise/engine';
import type { PlanRequest, PlanTarget } from '../worker/protocol.ts';
import { amountProblem, parseAmount } from './amount.ts';
import { readPlanBudget } from './plan-budget.ts';

/** What the plan is asked for: a budget over the plan, or a KPI to reach inside it (the least budget that does). */
export type PlanMode = 'budget' | 'target';

/** The plan's mode choices, as the toggle shows them. */
export const PLAN_MODES: readonly { readonly value: PlanMode; readonly label: string }[] = [
  { value: 'budget', label: 'Budget' },
  { value: 'target', label: 'KPI target' },
];

/** The plan's fields as the page holds them. */
export interface PlanFields {
  readonly mode: PlanMode;
  readonly periods: number;
  /** The budget field's text (null: it follows the simulator, `followed`). */
  readonly budgetText: string | null;
  /** The simulator's total × the plan's periods. */
  readonly followed: number;
  /** The KPI target field's text. */
  readonly targetText: string;
  /** The simulator's bounds and locks (null while a bound field is not usable). */
  readonly constraints: AllocationConstraints | null;
  readonly afterPlan: AfterPlan;
}

/**
 * The worker request the plan's fields make (null while they make none), and why not when a field's
 * text is not an amount. In budget mode the budget over the plan (readPlanBudget); in KPI-target mode
 * `targetKpi`, read as the amount fields are (4.1M, 4,100,000): the engine then finds the least budget
 * whose plan puts it inside the periods. Periods must be a whole number from 1 to `maxPeriods`.
 * @example planRequest({ mode: 'target', periods: 13, budgetText: null, followed: 4.9e6, targetText: '4.1M', constraints: {}, afterPlan: 'current' }, 104).request
 *   // { type: 'plan', periods: 13, targetKpi: 4100000, constraints: {}, afterPlan: 'current' }
 */
export function planRequest(fields: PlanFields, maxPeriods: number): { readonly request: PlanRequest | null; readonly problem: string | null } {
  const { mode, periods, constraints, afterPlan } = fields;
  const read = mode === 'budget' ? budgetField(fields.budgetText, fields.followed) : readTarget(fields.targetText);
  const problem = read.problem;
  const usable = constraints !== null && Number.isInteger(periods) && periods >= 1 && periods <= maxPeriods;
  if (!usable || read.value === null) return { request: null, problem };
  const base = { type: 'plan' as const, periods, constraints, afterPlan };
  return { request: mode === 'budget' ? { ...base, total: read.value } : { ...base, targetKpi: read.value }, problem };
}

function budgetField(text: string | null, followed: number): { readonly value: number | null; readonly problem: string | null } {
  const r = readPlanBudget(text, followed);
  return { value: r.budget, problem: r.problem };
}

function readTarget(text: string): { readonly value: number | null; readonly problem: string | null } {
  if (text.trim() === '') return { value: null, problem: null };
  const value = parseAmount(text);
  return value === null
    ? { value: null, problem: amountProblem(text, 'The KPI target must be an amount of 0 or more, such as 4100000, 4,100,000 or 4.1M.') }
    : { value, problem: null };
}

/**
 * The words of a KPI-target plan, as `mixwise optimize --periods H --target-kpi Y` starts its
 * paragraph: the target, what current spend brings inside the window, the least budget found (or
 * that the lower bounds and locks alone reach it); then the plan's KPI inside the window and after it
 * (engine planKpiSplitText), in the page's period word.
 * @example planTargetText({ kpi: 4.1e6, total: 2.6e6, window: 4.1e6, floor: false }, cmp, 'week', 'current')
 *   // 'To reach 4,100,000 inside the next 13 weeks (current spend is predicted to bring 3,900,000), the least budget that reaches it is 2,600,000 over them, … Predicted KPI inside the 13 periods: … .'
 */
export function planTargetText(target: PlanTarget, cmp: PlanComparison, period: string, afterPlan: AfterPlan): string {
  const H = cmp.plan.budgetPerPeriod.length;
  const k = cmp.plan.kpi;
  return planTargetSentence(target, target.kpi, H, cmp.current.kpi.current.window, period)
    + ` Predicted KPI ${planKpiSplitText(H, { current: k.current.window, recommended: k.recommended.window, lift: k.lift.window },
      { current: k.current.carryOut, recommended: k.recommended.carryOut, lift: k.lift.carryOut }, afterPlan)}.`;
}
