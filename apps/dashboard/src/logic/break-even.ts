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
 * For a money KPI (revenue), the warning that an allocation spends past break-even: the last unit of
 * budget returns less than 1 unit of revenue, i.e. less than it costs. With `breakEven` (the budget per
 * period where the best split's marginal return falls to 1, from the target-mROI goal at 1 under the
 * same limits), it says where that is. A count KPI (leads, orders) has no break-even without a value
 * per unit, so it gets ''.
 * @param a the allocation
 * @param kind the KPI's kind (model.target.kind)
 * @param kpi the KPI's name
 * @param period the word for one period, e.g. 'week'
 * @param breakEven the break-even budget per period; 'none' when even the lowest spend the limits allow returns less than 1 on the margin; null when not known (yet)
 * @param money the model's currency and locale (MmmModel.money): the break-even budget is written in it
 * @returns '' unless the KPI is revenue and the last unit returns less than 1
 * @example breakEvenText(alloc, 'revenue', 'revenue', 'week', 445_600) // 'The last unit of this budget returns 0.86 revenue per unit spent (marginal ROI below 1): the last units return less than they cost. Break-even (marginal ROI 1) is at about 445.6k per week with these limits; spend above it loses money on the margin.'
 */
export function breakEvenText(a: Allocation, kind: 'revenue' | 'count' | undefined, kpi: string, period: string, breakEven: number | 'none' | null, money?: MoneyFormat): string {
  const m = budgetMarginal(a);
  if (kind === 'count' || m === null || m >= 1) return '';
  const where = typeof breakEven === 'number' && breakEven < a.budget
    ? ` Break-even (marginal ROI 1) is at about ${formatCompact(breakEven, money)} per ${period} with these limits; spend above it loses money on the margin.`
    : breakEven === 'none' ? ' Even the lowest spend these limits allow is past break-even (marginal ROI 1).' : '';
  return `The last unit of this budget returns ${formatRoi(m)} ${kpi} per unit spent (marginal ROI below 1): the last units return less than they cost.${where}`;
}
