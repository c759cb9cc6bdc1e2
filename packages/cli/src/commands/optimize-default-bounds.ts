import { DEFAULT_BOUNDS_TEXT, defaultBoundsNote, heldByDefaultBounds, planBoundStatus, type AllocationConstraints } from '@mixwise/engine';
import type { BoundsSource } from './optimize-options.ts';
import type { OptimizationChannel } from './optimize-output.ts';

/**
 * The sentence added to the recommendation when the built-in default bounds (not --bounds, --bound
 * or --max-change) hold channels; '' otherwise.
 * @param allocation the output's rows: `lower` / `upper` are per period, `current` is per period in
 *   steady state and the total over the plan for a --periods plan
 * @param periods the plan's periods (1 in steady state): current / periods is the spend per period the limits are multiples of
 * @example defaultBoundsSentence(out.allocation, { defaults: DEFAULT_BOUNDS }, 'default') // ' tv is held by the default bounds …'
 */
export function defaultBoundsSentence(allocation: readonly OptimizationChannel[], constraints: AllocationConstraints, source: BoundsSource, periods = 1): string {
  if (source !== 'default') return '';
  // Plans: spend totals over the H periods, bounds per period; a channel on a bound in some periods counts (engine planBoundStatus).
  const rows = allocation.map((a) => ({
    channel: a.channel, current: a.current / periods, lower: a.lower, upper: a.upper,
    status: planBoundStatus({ status: a.bound, periodsAtLower: a.periods_at_lower, periodsAtUpper: a.periods_at_upper }),
  }));
  return defaultBoundsNote(heldByDefaultBounds(rows, constraints), 'widen them with --bound CH=LO:HI or remove them with --bounds none');
}

/**
 * The clause added to an infeasibility hint when the default bounds applied ('' otherwise).
 * @example defaultBoundsHint('default') // '; without --bounds every channel stays within 0.5×–2× …'
 */
export function defaultBoundsHint(source: BoundsSource): string {
  return source === 'default' ? `; without --bounds every channel stays within ${DEFAULT_BOUNDS_TEXT} its current spend (--bounds none removes that)` : '';
}
