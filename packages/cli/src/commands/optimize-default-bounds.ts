import { DEFAULT_BOUNDS_TEXT, type AllocationConstraints } from '@mixwise/engine';
import type { BoundsSource } from './optimize-options.ts';
import type { OptimizationChannel } from './optimize-output.ts';

/**
 * Channels held at a bound that came from the built-in default (not from their own --bound), so the
 * recommendation can say the limit is ours, not the user's.
 * @example heldByDefault(out.allocation, { defaults: DEFAULT_BOUNDS }, 'default') // ['tv']
 */
export function heldByDefault(allocation: readonly OptimizationChannel[], constraints: AllocationConstraints, source: BoundsSource): string[] {
  if (source !== 'default') return [];
  const own = constraints.channels ?? {};
  return allocation.filter((a) => (a.bound === 'at-lower' || a.bound === 'at-upper') && !Object.hasOwn(own, a.channel)).map((a) => a.channel);
}

/**
 * The sentence added to a recommendation when default bounds hold channels ('' when none do).
 * @example defaultBoundsNote(['tv']) // ' tv is held by the default bounds (0.5×–2× …'
 */
export function defaultBoundsNote(channels: readonly string[]): string {
  if (channels.length === 0) return '';
  const who = channels.length === 1 ? `${channels[0]} is` : `${channels.slice(0, -1).join(', ')} and ${channels[channels.length - 1]} are`;
  return ` ${who} held by the default bounds (${DEFAULT_BOUNDS_TEXT} current spend), which keep every channel near the spend levels the model was fitted on; `
    + 'to go further, widen them with --bound CH=LO:HI or remove them with --bounds none.';
}

/**
 * The clause added to an infeasibility hint when the default bounds applied ('' otherwise).
 * @example defaultBoundsHint('default') // '; without --bounds every channel stays within 0.5×–2× …'
 */
export function defaultBoundsHint(source: BoundsSource): string {
  return source === 'default' ? `; without --bounds every channel stays within ${DEFAULT_BOUNDS_TEXT} its current spend (--bounds none removes that)` : '';
}
