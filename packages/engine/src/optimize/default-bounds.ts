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
