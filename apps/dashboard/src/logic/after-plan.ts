import type { AfterPlan } from '@mixwise/engine';

/** The plan section's choices of spend after the plan, default first (`mixwise optimize --after-plan`). */
export const AFTER_PLAN_CHOICES: readonly { readonly value: AfterPlan; readonly label: string }[] = [
  { value: 'current', label: 'current spend resumes' },
  { value: 'dark', label: 'channels go dark' },
];

/**
 * The select's value as an AfterPlan ('current' for anything else).
 * @example afterPlanOf('dark') // 'dark'
 */
export function afterPlanOf(value: string): AfterPlan {
  return value === 'dark' ? 'dark' : 'current';
}

/**
 * The sentence that says which assumption a plan's carry-out was counted under.
 * @param afterPlan the spend after the plan the plan was made with
 * @param period the word for one period ('week')
 * @example afterPlanSentence('dark', 'week') // 'Assumed after the plan: every channel goes dark (no spend), …'
 */
export function afterPlanSentence(afterPlan: AfterPlan, period: string): string {
  return afterPlan === 'dark'
    ? `Assumed after the plan: every channel goes dark (no spend), so the carry-out lands on an empty curve, which favours spend in the last ${period}s.`
    : `Assumed after the plan: every channel returns to its current spend per ${period}, and the carry-out is what the plan adds on top of it.`;
}
