import { EngineError } from '../errors.ts';
import type { AllocationConstraints, ChannelBounds, Infeasible, ResponseModel, SpendBound } from './types.ts';
import { HUGE_NUMBER, hugeNumber } from '../text/prose-format.ts';

/** Absolute spend bounds per channel for one budget level; shapes [nChannels]. */
export interface SpendLimits {
  readonly lo: Float64Array;
  /** May be +Infinity (no upper bound). */
  readonly hi: Float64Array;
  /** 1 where the channel is locked (lo = hi). */
  readonly locked: Uint8Array;
}

const fmt = (v: number): string => (!Number.isFinite(v) ? String(v)
  : Math.abs(v) >= HUGE_NUMBER ? hugeNumber(v) : v.toLocaleString('en-US', { maximumSignificantDigits: 6 }));

function amount(b: SpendBound, current: number, budget: number, what: string): number {
  if (!(b.value >= 0) || Number.isNaN(b.value)) throw new EngineError('INVALID_ARGUMENT', `optimize: ${what} must be ≥ 0, got ${b.value}`);
  if (b.type === 'absolute') return b.value;
  if (b.type === 'multiple') return b.value * current;
  return b.value * budget;
}

/**
 * One channel's limits as functions of the total budget B: lo(B) = max(loShare·B, loFixed) and
 * hi(B) = min(hiShare·B, hiFixed) (hiShare +∞ when the upper bound is not a share).
 */
interface BoundTerms {
  readonly loShare: number;
  readonly loFixed: number;
  readonly hiShare: number;
  readonly hiFixed: number;
  readonly locked: boolean;
}

const termLo = (t: BoundTerms, budget: number): number => Math.max(t.loShare > 0 ? t.loShare * budget : 0, t.loFixed);
const termHi = (t: BoundTerms, budget: number): number => (t.hiShare === Infinity ? t.hiFixed : Math.min(t.hiShare * budget, t.hiFixed));

/** The constraints as budget-dependent terms per channel (see normaliseBounds for the rules). */
function boundTerms(model: ResponseModel, constraints: AllocationConstraints): BoundTerms[] {
  const names = model.channels.map((c) => c.name);
  for (const group of [constraints.channels, constraints.locks]) {
    for (const key of Object.keys(group ?? {})) {
      if (!names.includes(key)) throw new EngineError('INVALID_ARGUMENT', `optimize: unknown channel ${JSON.stringify(key)} in constraints; channels are ${names.join(', ')}`);
    }
  }
  return model.channels.map((ch) => {
    const lock = constraints.locks?.[ch.name];
    if (lock !== undefined) {
      const v = lock === true ? ch.current : lock;
      if (!(v >= 0) || !Number.isFinite(v)) throw new EngineError('INVALID_ARGUMENT', `optimize: lock amount for ${ch.name} must be a finite number ≥ 0, got ${v}`);
      return { loShare: 0, loFixed: v, hiShare: Infinity, hiFixed: v, locked: true };
    }
    let loShare = 0, loFixed = 0, hiShare = Infinity, hiFixed = Infinity;
    // A channel's own bounds replace the defaults (so `--bound tv=0:3` can widen a default range).
    const b = boundsOf(constraints, ch.name);
    if (b?.min) {
      const v = amount(b.min, ch.current, 1, `lower bound of ${ch.name}`);
      if (b.min.type === 'share') loShare = v; else loFixed = v;
    }
    if (b?.max) {
      const v = amount(b.max, ch.current, 1, `upper bound of ${ch.name}`);
      if (b.max.type === 'share') hiShare = v; else hiFixed = v;
    }
    const mc = constraints.maxChange;
    if (mc) {
      const d = amount({ type: mc.type === 'absolute' ? 'absolute' : 'multiple', value: mc.value }, ch.current, 1, 'maxChange');
      loFixed = Math.max(loFixed, ch.current - d);
      hiFixed = Math.min(hiFixed, ch.current + d);
    }
    return { loShare, loFixed, hiShare, hiFixed, locked: false };
  });
}

/**
 * Turn serialisable constraints into absolute [lo, hi] spend per channel for a given total budget
 * (share bounds are shares of it). A channel's own bounds, when given, replace the defaults; they
 * are intersected with maxChange (|x − current| ≤ amount, or ≤ value·current when relative); a lock sets
 * lo = hi = current (or the given amount) and overrides the rest. lo is at least 0.
 * @param model the response model (current spend per channel)
 * @param constraints bounds, locks, maxChange; channel names must exist in the model
 * @param budget total budget per period (for share bounds; pass any value when none are used)
 * @returns the limits, or an Infeasible with reason 'CONFLICTING_BOUNDS' naming the channel
 * @throws EngineError('INVALID_ARGUMENT') for an unknown channel name or a negative bound value
 * @example normaliseBounds(model, { defaults: { min: { type: 'multiple', value: 0.5 } } }, 100).lo // 0.5 × current
 */
export function normaliseBounds(model: ResponseModel, constraints: AllocationConstraints, budget: number): SpendLimits | Infeasible {
  const terms = boundTerms(model, constraints);
  const n = terms.length;
  const lo = new Float64Array(n), hi = new Float64Array(n), locked = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const t = terms[c];
    lo[c] = termLo(t, budget); hi[c] = termHi(t, budget); locked[c] = t.locked ? 1 : 0;
    if (lo[c] > hi[c] * (1 + 1e-9)) {
      return infeasible('CONFLICTING_BOUNDS', `The bounds on ${model.channels[c].name} conflict: its lower bound ${fmt(lo[c])} is above its upper bound ${fmt(hi[c])}.`, { channel: model.channels[c].name, lower: lo[c], upper: hi[c] });
    }
    hi[c] = Math.max(hi[c], lo[c]);
  }
  return { lo, hi, locked };
}

/**
 * The bounds that apply to one channel: its own when given (they replace the defaults), else the defaults.
 * @example boundsOf({ defaults: { max: { type: 'multiple', value: 2 } }, channels: { tv: {} } }, 'tv') // {} (tv unbounded)
 */
export function boundsOf(constraints: AllocationConstraints, channel: string): ChannelBounds | undefined {
  const own = constraints.channels;
  return own && Object.hasOwn(own, channel) ? own[channel] : constraints.defaults;
}

/**
 * Relative slack of the budget checks: a budget within 1e-8 of the lower bounds' total (or of the
 * upper bounds' total) counts as meeting it, so a limit quoted to 6 significant digits after
 * dropping round-off below that (190,000 for 190,000.00035) works when typed back in. The solvers
 * then spend the bounds' total itself, 1e-8 relative away from the budget at most.
 * @example BUDGET_TOLERANCE // 1e-8
 */
export const BUDGET_TOLERANCE = 1e-8;

/**
 * Check a total budget against the limits: Σlo > budget ('BUDGET_BELOW_MINIMUM'), or for an
 * equality budget Σhi < budget ('BUDGET_ABOVE_MAXIMUM'), each with BUDGET_TOLERANCE of slack.
 * Returns null when the budget is feasible. The limits are for this budget only: with share bounds
 * the least feasible budget is not Σlo (see budgetRange and budgetInfeasible).
 * @example checkBudget(limits, 50, 'exact') // null when Σlo ≤ 50 ≤ Σhi
 */
export function checkBudget(limits: SpendLimits, budget: number, mode: 'exact' | 'up-to'): Infeasible | null {
  let sLo = 0, sHi = 0;
  for (let c = 0; c < limits.lo.length; c++) { sLo += limits.lo[c]; sHi += limits.hi[c]; }
  if (!(budget >= 0) || !Number.isFinite(budget)) throw new EngineError('INVALID_ARGUMENT', `optimize: budget must be a finite number ≥ 0, got ${budget}`);
  const tol = BUDGET_TOLERANCE;
  if (sLo > budget * (1 + tol) + 1e-12) {
    return infeasible('BUDGET_BELOW_MINIMUM', `The budget ${fmt(budget)} is below the ${fmt(sLo)} that the lower bounds and locks already require; raise the budget or relax the lower bounds.`, { budget, minimumBudget: sLo });
  }
  if (mode === 'exact' && sHi < budget * (1 - tol) - 1e-12) {
    return infeasible('BUDGET_ABOVE_MAXIMUM', `The budget ${fmt(budget)} cannot be spent: the upper bounds and locks allow at most ${fmt(sHi)}; lower the budget, relax the upper bounds, or use an "up to" budget.`, { budget, maximumBudget: sHi });
  }
  return null;
}

/**
 * Where a concave piecewise-linear f (linear between the sorted `breaks`, which start at 0, and
 * beyond the last) is ≥ 0 on [0, ∞): an interval [from, to] (to may be +∞), or null.
 */
function nonNegativeSpan(f: (b: number) => number, breaks: readonly number[]): [number, number] | null {
  const p = [...new Set(breaks)].filter((b) => Number.isFinite(b) && b >= 0).sort((a, b) => a - b);
  const v = p.map(f);
  const m = p.length - 1, far = 2 * p[m] + 1;
  const slope = (f(far) - v[m]) / (far - p[m]);
  const cross = (i: number): number => p[i] + ((p[i + 1] - p[i]) * v[i]) / (v[i] - v[i + 1]);
  const first = v.findIndex((x) => x >= 0);
  if (first < 0) return slope > 0 ? [p[m] - v[m] / slope, Infinity] : null;
  let last = m;
  while (v[last] < 0) last--;
  const from = first === 0 ? p[0] : cross(first - 1);
  // A slope of NaN (∞ − ∞: a channel without an upper bound) keeps f at +∞.
  const to = last < m ? cross(last) : !(slope < 0) ? Infinity : p[m] + v[m] / -slope;
  return [from, to];
}

/**
 * The total budgets per period that the bounds allow: the least B whose lower bounds (share bounds
 * taken at B) fit in B, and for an exact budget the largest B the upper bounds can take. Without
 * share bounds that is simply [Σ lower, Σ upper]; with them both sides move with B, so the limits at
 * one budget do not say which budget would work. Uses BUDGET_TOLERANCE like checkBudget. Channels
 * whose own lower bound exceeds their upper bound at some budgets are left to normaliseBounds.
 * @param model the response model; constraints as for normaliseBounds; mode 'up-to' has no maximum
 * @returns { min, max } (max +∞ when any budget above min works), or 'CONFLICTING_BOUNDS' when no
 *   positive budget meets them: share lower bounds adding up to 100 % or more of the budget with
 *   anything else to fund, share upper bounds adding up to less than 100 % with an exact budget,
 *   or lower and upper bounds whose ranges of budgets do not meet
 * @throws EngineError('INVALID_ARGUMENT') as normaliseBounds
 * @example budgetRange(model, { defaults: { min: { type: 'share', value: 0.3 } } }, 'up-to') // CONFLICTING_BOUNDS with 5 channels (150 %)
 */
export function budgetRange(model: ResponseModel, constraints: AllocationConstraints, mode: 'exact' | 'up-to'): { min: number; max: number } | Infeasible {
  const terms = boundTerms(model, constraints);
  const breaks = [0];
  let loShare = 0, loOther = 0, hiShare = 0, hiOther = 0, hasHiShare = false;
  for (const t of terms) {
    if (t.loShare > 0 && t.loFixed > 0) breaks.push(t.loFixed / t.loShare);
    if (t.hiShare !== Infinity && t.hiShare > 0 && t.hiFixed !== Infinity) breaks.push(t.hiFixed / t.hiShare);
    loShare += t.loShare;
    if (t.loShare === 0) loOther += t.loFixed;
    if (t.hiShare !== Infinity) { hasHiShare = true; hiShare += t.hiShare; } else hiOther += t.hiFixed;
  }
  // Whether any budget works is decided with checkBudget's slack (shares adding up to 100 % up to
  // round-off do work); the limits quoted are the exact crossings when there are any.
  const tol = BUDGET_TOLERANCE;
  const room = (b: number): number => b - terms.reduce((s, t) => s + termLo(t, b), 0);
  const lower = nonNegativeSpan((b) => room(b) + tol * b, breaks);
  const lowerExact = nonNegativeSpan(room, breaks);
  const pct = (v: number): string => `${fmt(100 * v)}%`;
  // Shares adding up to 100 % (up to round-off) leave nothing for the fixed lower bounds at any budget.
  if (lower === null || !(lower[1] > 0) || (loShare >= 1 - 1e-9 && loOther > 0)) {
    const rest = loOther > 0 ? `, and the other lower bounds and locks need ${fmt(loOther)} more` : '';
    return infeasible('CONFLICTING_BOUNDS', `The lower bounds cannot be met at any budget: the lower bounds given as shares add up to ${pct(loShare)} of the budget${rest}. Lower the shares so that they add up to less than 100%${loOther > 0 ? ' and leave room for the rest' : ''}.`, { bound: 'lower', lowerShare: loShare, otherLower: loOther });
  }
  const min = lowerExact && lowerExact[1] >= lower[0] ? Math.max(lower[0], lowerExact[0]) : lower[0];
  if (mode === 'up-to') return { min, max: Infinity };
  const spare = (b: number): number => terms.reduce((s, t) => s + termHi(t, b), 0) - b;
  const upper = nonNegativeSpan((b) => spare(b) + tol * b, breaks);
  const upperExact = nonNegativeSpan(spare, breaks);
  if (hasHiShare && (upper === null || !(upper[1] > 0))) {
    const rest = hiOther > 0 ? ` and the other upper bounds and locks allow ${fmt(hiOther)}` : '';
    return infeasible('CONFLICTING_BOUNDS', `The upper bounds cannot take the whole of any budget: the upper bounds given as shares add up to ${pct(hiShare)} of the budget${rest}, so an exact budget always leaves some unspent. Raise them, or spend up to the budget instead.`, { bound: 'upper', upperShare: hiShare, otherUpper: hiOther });
  }
  const max = upper === null ? 0 : upperExact && upperExact[1] > 0 ? Math.min(upper[1], upperExact[1]) : upper[1];
  if (min > max * (1 + tol) + 1e-12) {
    const why = loShare > 0 || hasHiShare ? ' (share bounds grow with the budget)' : '';
    return infeasible('CONFLICTING_BOUNDS', `No budget meets both the lower and the upper bounds: the lower bounds need a budget of at least ${fmt(min)}, and the upper bounds can take at most ${fmt(max)}${why}.`, { bound: 'both', minimumBudget: min, maximumBudget: max });
  }
  return { min, max };
}

/**
 * checkBudget with the whole picture: when the budget fails, the least (or largest) budget that
 * would work, which with share bounds is not the limits' total at this budget, or
 * 'CONFLICTING_BOUNDS' when none does (budgetRange).
 * @returns null when the budget is feasible, else the Infeasible to report
 * @example budgetInfeasible(model, constraints, limits, 100, 'exact') // null, or why 100 does not work
 */
export function budgetInfeasible(model: ResponseModel, constraints: AllocationConstraints, limits: SpendLimits, budget: number, mode: 'exact' | 'up-to'): Infeasible | null {
  const bad = checkBudget(limits, budget, mode);
  if (!bad) return null;
  const range = budgetRange(model, constraints, mode);
  if ('feasible' in range) return range;
  const shares = (v: number, at: number): boolean => Math.abs(v - at) > BUDGET_TOLERANCE * Math.max(v, at);
  if (bad.reason === 'BUDGET_BELOW_MINIMUM') {
    const now = Number(bad.details.minimumBudget);
    if (!shares(range.min, now) || !(range.min > budget)) return bad;
    return infeasible('BUDGET_BELOW_MINIMUM', `The budget ${fmt(budget)} is below the ${fmt(now)} that the lower bounds and locks require at that budget; as some of them are shares of the budget, the least budget that meets them all is ${fmt(range.min)}. Raise the budget or relax the lower bounds.`, { budget, minimumBudget: range.min, requiredAtBudget: now });
  }
  const now = Number(bad.details.maximumBudget);
  if (!shares(range.max, now) || !(range.max < budget)) return bad;
  return infeasible('BUDGET_ABOVE_MAXIMUM', `The budget ${fmt(budget)} cannot be spent: the upper bounds and locks allow at most ${fmt(now)} at that budget; as some of them are shares of the budget, the largest budget they can take is ${fmt(range.max)}. Lower the budget, relax the upper bounds, or use an "up to" budget.`, { budget, maximumBudget: range.max, allowedAtBudget: now });
}

/** Build an Infeasible result. @example infeasible('TARGET_UNREACHABLE', 'msg', {}).feasible // false */
export function infeasible(reason: Infeasible['reason'], message: string, details: Infeasible['details']): Infeasible {
  return { feasible: false, reason, message, details };
}

/** Format a number for messages (6 significant digits, thousands separators; 1.23e+18 from HUGE_NUMBER up). @example formatAmount(1234567.891) // '1,234,570'; formatAmount(0.000123456789) // '0.000123457' */
export function formatAmount(v: number): string {
  return fmt(v);
}
