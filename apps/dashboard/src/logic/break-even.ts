import type { AllocationResult, MoneyFormat } from '@mixwise/engine';
import { formatCompact, formatRoi } from './format.ts';

/** A feasible allocation. */
type Allocation = Extract<AllocationResult, { feasible: true }>;

/**
 * The marginal return of the allocation's last unit of budget (its budget multiplier), or null when
 * the budget does not bind (then no single figure says what the last unit returns).
 * @example budgetMarginal(alloc) // 0.86
 */
export function budgetMarginal(a: Allocation): number | null {
  return a.binding.includes('budget') && Number.isFinite(a.multiplier) ? a.multiplier : null;
}

/**
 * The marginal ROI at which the last unit of budget breaks even: 1/margin when a gross margin (value of
 * one unit of KPI, as `mixwise optimize --margin`) is set; else 1 for a revenue KPI (revenue break-even:
 * a unit of spend brings back a unit of revenue, which is not yet profit); null for a count KPI without a
 * margin (no value per unit).
 * @example breakEvenMroi('revenue', 0.4) // 2.5
 * @example breakEvenMroi('revenue', null) // 1
 */
export function breakEvenMroi(kind: 'revenue' | 'count' | undefined, margin: number | null): number | null {
  if (margin !== null) return 1 / margin;
  return kind === 'count' ? null : 1;
}

/**
 * The warning that an allocation spends past break-even (breakEvenMroi). With a margin the last unit of
 * budget earns less than it costs, and `breakEven` (the budget per period where the best split's marginal
 * return falls to 1/margin, from the target-mROI goal at that value under the same limits) is where spend
 * starts to lose money. Without one, a revenue KPI is told of revenue break-even only (marginal ROI 1),
 * without saying it loses money: revenue is not profit. A count KPI without a margin gets ''.
 * @param a the allocation
 * @param kind the KPI's kind (model.target.kind)
 * @param kpi the KPI's name
 * @param period the word for one period, e.g. 'week'
 * @param breakEven the break-even budget per period; 'none' when even the lowest spend the limits allow is past it; null when not known (yet)
 * @param margin the gross margin (value of one unit of KPI), null when none is set
 * @param money the model's currency and locale (MmmModel.money): the break-even budget is written in it
 * @returns '' unless the last unit returns less than breakEvenMroi
 * @example breakEvenText(alloc, 'revenue', 'revenue', 'week', 445_600, 0.5) // 'The last unit of this budget returns 1.6 revenue per unit spent, worth 0.8 at a gross margin of 0.5: …'
 */
export function breakEvenText(a: Allocation, kind: 'revenue' | 'count' | undefined, kpi: string, period: string, breakEven: number | 'none' | null, margin: number | null = null, money?: MoneyFormat): string {
  const m = budgetMarginal(a);
  const goal = breakEvenMroi(kind, margin);
  if (goal === null || m === null || m >= goal) return '';
  const at = typeof breakEven === 'number' && breakEven < a.budget;
  if (margin !== null) {
    const where = at
      ? ` Break-even (marginal ROI ${formatRoi(goal)}) is at about ${formatCompact(breakEven, money)} per ${period} with these limits; spend above it loses money on the margin.`
      : breakEven === 'none' ? ` Even the lowest spend these limits allow is past break-even (marginal ROI ${formatRoi(goal)}).` : '';
    return `The last unit of this budget returns ${formatRoi(m)} ${kpi} per unit spent, worth ${formatRoi(m * margin)} at a gross margin of ${formatRoi(margin)}: the last units earn less than they cost.${where}`;
  }
  const where = at
    ? ` Revenue break-even (marginal ROI 1) is at about ${formatCompact(breakEven, money)} per ${period} with these limits; above it each unit spent brings back less than a unit of ${kpi}.`
    : breakEven === 'none' ? ' Even the lowest spend these limits allow is past revenue break-even (marginal ROI 1).' : '';
  return `The last unit of this budget returns ${formatRoi(m)} ${kpi} per unit spent (marginal ROI below 1): it brings back less ${kpi} than it costs.${where} Whether that loses money depends on the margin: set a gross margin to see where spend stops paying for itself.`;
}
