import { amountProblem, parseAmount } from './amount.ts';

/** The plan's budget field read: the budget over the plan (null while none is usable), and why not when the text is not an amount. */
export interface PlanBudget {
  readonly budget: number | null;
  readonly problem: string | null;
}

/**
 * Read "Budget over the plan": untouched (null) it follows the simulator; typed, it is an amount as
 * the spend fields take it (parseAmount: 2600000, 2,600,000 or 2.6M). Text that is not an amount
 * ("1,5", "-5") is said to be so and never read as another number; an empty field is no budget and
 * no problem yet (cleared to retype).
 * @param text the field's text, or null when it follows the simulator
 * @param followed the simulator's total × the plan's periods
 * @example readPlanBudget('2.6M', 1) // { budget: 2600000, problem: null }
 */
export function readPlanBudget(text: string | null, followed: number): PlanBudget {
  if (text === null) return { budget: followed, problem: null };
  if (text.trim() === '') return { budget: null, problem: null };
  const budget = parseAmount(text);
  return budget === null
    ? { budget: null, problem: amountProblem(text, 'The budget over the plan must be an amount of 0 or more, such as 2600000, 2,600,000 or 2.6M.') }
    : { budget, problem: null };
}
