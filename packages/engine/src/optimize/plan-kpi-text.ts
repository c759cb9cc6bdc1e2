import type { AfterPlan } from './plan-types.ts';
import { proseAmount } from './prose-format.ts';

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
