import { proseAmount, signedAmount } from '../text/prose-format.ts';
import type { KpiChange } from './plan-kpi-text.ts';
import type { MoneyFormat } from '../text/money-format.ts';

/** Gross profit after media spend at current and recommended spend (`profit`): a change like a KPI's. */
export type Profit = KpiChange;

/**
 * Gross profit after media spend: margin × KPI − media spend, at current and at recommended spend.
 * The margin is what one unit of KPI is worth in the spend's currency: the gross margin for a
 * revenue KPI (0.3 for 30%), the value of one conversion for a count KPI (120 per lead). An ROI or
 * marginal ROI r then pays for its spend when r × margin ≥ 1, so the profit-maximising spend is
 * where every channel's marginal ROI is 1 / margin (the marginal-ROI floor of targetEfficiency).
 * @param margin value of one unit of KPI (> 0)
 * @param kpi total KPI (baseline included) at current and recommended spend
 * @param spend total media spend at current and recommended spend, over the same periods
 * @example profit(0.3, { current: 1000, recommended: 1100 }, { current: 200, recommended: 250 }) // { current: 100, recommended: 80, lift: -20 }
 */
export function profit(margin: number, kpi: { readonly current: number; readonly recommended: number }, spend: { readonly current: number; readonly recommended: number }): Profit {
  const current = margin * kpi.current - spend.current, recommended = margin * kpi.recommended - spend.recommended;
  return { current, recommended, lift: recommended - current };
}

/**
 * The profit view of a recommendation, in words: gross profit after media spend before and after,
 * and, for a steady-state split whose free channels share a marginal return (the budget's
 * multiplier), whether the next unit of budget pays for itself at this margin and the marginal ROI at
 * which profit is greatest (`--target-mroi` 1/margin finds that spend).
 * @param margin value of one unit of KPI (> 0); p profit(...); multiplier the KPI per extra unit of
 *   budget (null or ≤ 0: not stated, e.g. a plan or every channel at a bound); unit 'per period' or 'over the plan';
 *   setting how this front end asks for that spend, given the marginal return (default the CLI's `--target-mroi R`);
 *   money the spend's currency and locale (MmmModel.money), for the profits, which are amounts of spend
 * @returns one or two sentences, starting with a space
 * @example profitText(0.3, profit(0.3, kpi, spend), 1.17, 'per period') // ' At a margin of 0.3 per unit of KPI, gross profit after media spend moves from … The next unit of budget returns 1.17 in KPI, worth 0.351: …'
 */
export function profitText(margin: number, p: Profit, multiplier: number | null, unit: 'per period' | 'over the plan', setting = (mroi: string): string => `--target-mroi ${mroi}`, money?: MoneyFormat): string {
  const m = proseAmount(margin), breakEven = proseAmount(1 / margin);
  const head = ` At a margin of ${m} per unit of KPI, gross profit after media spend moves from ${proseAmount(p.current, money)} to ${proseAmount(p.recommended, money)} ${unit} (${signedAmount(p.lift, money)}).`;
  if (multiplier === null || !(multiplier > 0)) return head;
  const worth = multiplier * margin;
  const next = ` The next unit of budget returns ${proseAmount(multiplier)} in KPI, worth ${proseAmount(worth)}`;
  if (Math.abs(worth - 1) <= 1e-6) return `${head}${next}: exactly its cost, so this is the profit-maximising spend.`;
  return worth < 1
    ? `${head}${next}: less than it costs, so the last units spent lose money at this margin; profit is greatest where the marginal return is ${breakEven} (${setting(breakEven)}).`
    : `${head}${next}: more than it costs, so more budget would raise profit; it is greatest where the marginal return falls to ${breakEven} (${setting(breakEven)}).`;
}
