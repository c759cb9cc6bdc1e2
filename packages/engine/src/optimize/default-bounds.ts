import type { AllocationConstraints } from './types.ts';
import { listText } from '../text/list-text.ts';

/**
 * The bounds every front end (CLI, HTTP API, dashboard, report) applies when the user sets none:
 * each channel between 0.5× and 2× its current spend per period.
 *
 * Why bound by default: outside the spend levels a channel ran at, its response is the fitted curve
 * extrapolated, and an unbounded optimizer happily cuts a channel to zero or triples another on that
 * extrapolation (the "allocator" complaints in every MMM tool's tracker). 0.5×–2× is Robyn's default
 * for a fixed budget (robyn_allocator, scenario "max_response", v3.12); Meridian's is tighter
 * (±30 %, SPEND_CONSTRAINT_DEFAULT_FIXED_BUDGET in meridian/constants.py). 2× lets the default budget
 * sweep (50 %–200 % of current) be spent. A channel's own bounds replace these (normaliseBounds).
 * @example DEFAULT_BOUNDS.max // { type: 'multiple', value: 2 }
 */
export const DEFAULT_BOUNDS: Readonly<{ min: { readonly type: 'multiple'; readonly value: number }; max: { readonly type: 'multiple'; readonly value: number } }> = Object.freeze({
  min: Object.freeze({ type: 'multiple', value: 0.5 }),
  max: Object.freeze({ type: 'multiple', value: 2 }),
});

/** The default range as people read it. @example DEFAULT_BOUNDS_TEXT // '0.5×–2×' */
export const DEFAULT_BOUNDS_TEXT = `${DEFAULT_BOUNDS.min.value}×–${DEFAULT_BOUNDS.max.value}×`;

/** What heldByDefaultBounds needs of a channel's result (an allocation's, or optimization.json's). */
export interface BoundedChannel {
  readonly channel: string;
  readonly current: number;
  readonly lower: number;
  /** null or Infinity when unbounded. */
  readonly upper: number | null;
  readonly status: 'free' | 'at-lower' | 'at-upper' | 'locked';
}

/**
 * Channels held at a limit that is the built-in default itself: at their lower bound when that is
 * 0.5× current, or at their upper bound when that is 2× current, with no bounds of their own. A
 * channel held by --max-change, a lock or its own range is not named, so the advice to widen the
 * default is only given where it would free something.
 * @param channels the result's channels (current spend and the limits that applied)
 * @param constraints the constraints solved, to tell a channel's own range from the defaults
 * @example heldByDefaultBounds([{ channel: 'tv', current: 100, lower: 50, upper: 200, status: 'at-lower' }], {}) // ['tv']
 */
export function heldByDefaultBounds(channels: readonly BoundedChannel[], constraints: AllocationConstraints): string[] {
  const own = constraints.channels ?? {};
  const same = (a: number | null, b: number): boolean => a !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return channels.filter((c) => !Object.hasOwn(own, c.channel) && (
    (c.status === 'at-lower' && same(c.lower, DEFAULT_BOUNDS.min.value * c.current))
    || (c.status === 'at-upper' && same(c.upper, DEFAULT_BOUNDS.max.value * c.current))
  )).map((c) => c.channel);
}

/**
 * A plan channel's status as heldByDefaultBounds reads it: on a bound in some of the plan's periods
 * counts as held there (the lower bound first), not only on it in every period — a plan that keeps tv
 * at 2× current in 12 of 13 weeks is held by that bound. Every front end (the CLI's --periods, the
 * server's /plan) names the same channels through this one rule.
 * @param bound the plan's status (on a bound in every period, free, locked) and how many periods sit on each bound
 * @example planBoundStatus({ status: 'free', periodsAtLower: 0, periodsAtUpper: 12 }) // 'at-upper'
 */
export function planBoundStatus(bound: { readonly status: BoundedChannel['status']; readonly periodsAtLower?: number; readonly periodsAtUpper?: number }): BoundedChannel['status'] {
  if (bound.status !== 'free') return bound.status;
  if ((bound.periodsAtLower ?? 0) > 0) return 'at-lower';
  return (bound.periodsAtUpper ?? 0) > 0 ? 'at-upper' : 'free';
}

/**
 * The sentence a recommendation gets when the default bounds hold channels ('' when none do).
 * @param channels heldByDefaultBounds' names
 * @param howToLift how this front end widens or removes them, e.g. 'widen them with --bound CH=LO:HI or remove them with --bounds none'
 * @example defaultBoundsNote(['tv'], 'remove them with --bounds none') // ' tv is held by the default bounds (0.5×–2× current spend), …'
 */
export function defaultBoundsNote(channels: readonly string[], howToLift: string): string {
  if (channels.length === 0) return '';
  const who = channels.length === 1 ? `${channels[0]} is` : `${listText(channels)} are`;
  return ` ${who} held by the default bounds (${DEFAULT_BOUNDS_TEXT} current spend), which stop the recommendation from leaning on the fitted curves far from current spend; to go further, ${howToLift}.`;
}
