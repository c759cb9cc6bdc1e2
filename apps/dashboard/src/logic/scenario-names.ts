import { formatPct } from './format.ts';

/**
 * The simulator's three scenarios by name. Each is the optimiser's split at a share of today's total
 * budget, so the middle one is today's budget re-split, not today's plan: naming it "Current" read as
 * the plan in use.
 */
export const SCENARIO_NAMES: readonly string[] = ['Conservative', 'Today\'s budget, re-split', 'Aggressive'];

/** Shorter names for the chart's axis, where the table's note is not beside them. */
export const SCENARIO_CHART_NAMES: readonly string[] = ['Conservative', 'Today\'s budget', 'Aggressive'];

/**
 * A scenario table row's label: its name and its budget as a share of today's.
 * @param index 0 conservative, 1 today's budget, 2 aggressive
 * @param level the budget as a share of today's total (1 = today's)
 * @example scenarioRowLabel(1, 1) // "Today's budget, re-split (100.0%)"
 */
export function scenarioRowLabel(index: number, level: number): string {
  return `${SCENARIO_NAMES[index] ?? ''} (${formatPct(level)})`;
}

/** The one-line note under the scenario table. */
export const SCENARIO_NOTE = 'Each row is the optimiser\'s best split of that budget (a share of today\'s total, limits and locks applied), not today\'s plan; "vs today" compares it with current spend.';
