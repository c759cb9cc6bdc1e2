import { profit, profitText, type AllocationResult, type Profit } from '@mixwise/engine';
import { parseRatioAmount } from './amount.ts';

/** The gross margin field read: the margin (null while none is usable), and why not when the text is not a number above 0. */
export interface MarginField {
  readonly margin: number | null;
  readonly problem: string | null;
}

/**
 * Read "Gross margin": what one unit of KPI is worth in the spend's currency (0.3 for a 30% margin on
 * revenue, 120 for a lead worth 120), > 0 as `mixwise optimize --margin` takes it. Empty is no margin
 * (the profit view is off) and no problem. A ratio (parseRatioAmount): 1.125 is 1.125, never dot thousands.
 * @example readMargin('0.3') // { margin: 0.3, problem: null }
 */
export function readMargin(text: string): MarginField {
  if (text.trim() === '') return { margin: null, problem: null };
  const margin = parseRatioAmount(text);
  return margin !== null && margin > 0
    ? { margin, problem: null }
    : { margin: null, problem: 'The gross margin must be a plain number greater than 0 with a decimal point (no comma, spaces or k/M): what one unit of KPI is worth, such as 0.3 (30% of revenue) or 120 (per lead).' };
}

/** Gross profit after media spend per period before and after an Optimise, and the engine's words on it. */
export interface ProfitView {
  readonly profit: Profit;
  readonly text: string;
}

/**
 * An Optimise seen as gross profit after media spend (`mixwise optimize --margin`): engine profit on
 * the allocation's KPI and spend per period, current and recommended, and profitText with the budget's
 * marginal return. The CLI's advice `--target-mroi X` is said in the page's terms (Plan to a goal).
 * @param margin value of one unit of KPI (> 0)
 * @param a a feasible allocation (per period)
 * @example profitView(0.3, a).profit // { current: 0.3 × a.expected.current − a.currentBudget, … }
 */
export function profitView(margin: number, a: Extract<AllocationResult, { feasible: true }>): ProfitView {
  const p = profit(margin, a.expected, { current: a.currentBudget, recommended: a.budget });
  const text = profitText(margin, p, a.multiplier, 'per period', (mroi) => `Plan to a goal below: spend while the next unit returns at least ${mroi}`);
  return { profit: p, text: text.trim() };
}
