/**
 * When a recommendation keeps the current spend, and what holds it there: shared by the steady-state
 * paragraph (explainAllocation), the multi-period one (explainPlan) and the report's recommendation.
 */

/** A change this small (relative to the larger total) is round-off: below anything the prose or the tables print. */
const CHANGE_TOLERANCE = 1e-6;

/** Current and recommended spend of one channel (an allocation's, a plan period's, or optimization.json's). */
export interface SpendChange {
  readonly current: number;
  readonly recommended: number;
}

/**
 * The largest change per channel that still counts as none: 1e-6 of the larger total, at least of 1.
 * @example changeTolerance([{ current: 2e6, recommended: 2e6 }]) // 2
 */
export function changeTolerance(channels: readonly SpendChange[]): number {
  let now = 0, then = 0;
  for (const c of channels) { now += Math.abs(c.current); then += Math.abs(c.recommended); }
  return CHANGE_TOLERANCE * Math.max(1, now, then);
}

/**
 * Whether a recommendation keeps every channel at its current spend (each change within 1e-6 of the
 * larger total): then there is nothing to change, and no change to test.
 * @param channels current and recommended spend per channel (an allocation's, or optimization.json's)
 * @example keepsCurrentSpend([{ current: 2, recommended: 2 }, { current: 1, recommended: 1 + 1e-12 }]) // true
 */
export function keepsCurrentSpend(channels: readonly SpendChange[]): boolean {
  const tol = changeTolerance(channels);
  return channels.every((c) => !(Math.abs(c.recommended - c.current) > tol));
}

/**
 * The constraints that hold a split in place, named, and how to get past them: the words the
 * optimizer's paragraphs and the report share.
 * @param binds the binding constraints other than the budget ('tv: locked', as AllocationResult.binding)
 * @example holdsSplitText(['tv: locked']) // 'they hold the split where it is: tv: locked. Relaxing them (…) is how to find a better split.'
 */
export function holdsSplitText(binds: readonly string[]): string {
  return `they hold the split where it is: ${binds.join(', ')}. Relaxing them (unlocking a channel, widening its bounds or the maximum change) is how to find a better split.`;
}

/**
 * Why a recommendation that keeps the current spend keeps it: the constraints that hold the split
 * (which relaxing may improve on), or none, when the current split is already the best for the budget.
 * @param binding what binds, as AllocationResult.binding or PlanComparison.binding ('budget' is left out)
 * @example keptSpendReason(['budget']) // 'No channel bound binds: the current split is already the best for this budget, so there is nothing to change.'
 */
export function keptSpendReason(binding: readonly string[]): string {
  const binds = binding.filter((b) => b !== 'budget');
  return binds.length > 0
    ? `Under these constraints there is nothing to change; ${holdsSplitText(binds)}`
    : 'No channel bound binds: the current split is already the best for this budget, so there is nothing to change.';
}
