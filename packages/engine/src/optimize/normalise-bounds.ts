import { EngineError } from '../errors.ts';
import type { AllocationConstraints, ChannelBounds, Infeasible, ResponseModel, SpendBound } from './types.ts';

/** Absolute spend bounds per channel for one budget level; shapes [nChannels]. */
export interface SpendLimits {
  readonly lo: Float64Array;
  /** May be +Infinity (no upper bound). */
  readonly hi: Float64Array;
  /** 1 where the channel is locked (lo = hi). */
  readonly locked: Uint8Array;
}

const fmt = (v: number): string => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumSignificantDigits: 6 }) : String(v));

function amount(b: SpendBound, current: number, budget: number, what: string): number {
  if (!(b.value >= 0) || Number.isNaN(b.value)) throw new EngineError('INVALID_ARGUMENT', `optimize: ${what} must be ≥ 0, got ${b.value}`);
  if (b.type === 'absolute') return b.value;
  if (b.type === 'multiple') return b.value * current;
  return b.value * budget;
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
  const names = model.channels.map((c) => c.name);
  for (const group of [constraints.channels, constraints.locks]) {
    for (const key of Object.keys(group ?? {})) {
      if (!names.includes(key)) throw new EngineError('INVALID_ARGUMENT', `optimize: unknown channel ${JSON.stringify(key)} in constraints; channels are ${names.join(', ')}`);
    }
  }
  const n = names.length;
  const lo = new Float64Array(n), hi = new Float64Array(n).fill(Infinity), locked = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const ch = model.channels[c];
    const lock = constraints.locks?.[ch.name];
    if (lock !== undefined) {
      const v = lock === true ? ch.current : lock;
      if (!(v >= 0) || !Number.isFinite(v)) throw new EngineError('INVALID_ARGUMENT', `optimize: lock amount for ${ch.name} must be a finite number ≥ 0, got ${v}`);
      lo[c] = v; hi[c] = v; locked[c] = 1;
      continue;
    }
    // A channel's own bounds replace the defaults (so `--bound tv=0:3` can widen a default range).
    const b = boundsOf(constraints, ch.name);
    if (b?.min) lo[c] = amount(b.min, ch.current, budget, `lower bound of ${ch.name}`);
    if (b?.max) hi[c] = amount(b.max, ch.current, budget, `upper bound of ${ch.name}`);
    const mc = constraints.maxChange;
    if (mc) {
      const d = amount({ type: mc.type === 'absolute' ? 'absolute' : 'multiple', value: mc.value }, ch.current, budget, 'maxChange');
      lo[c] = Math.max(lo[c], ch.current - d);
      hi[c] = Math.min(hi[c], ch.current + d);
    }
    if (lo[c] > hi[c] * (1 + 1e-9)) {
      return infeasible('CONFLICTING_BOUNDS', `The bounds on ${ch.name} conflict: its lower bound ${fmt(lo[c])} is above its upper bound ${fmt(hi[c])}.`, { channel: ch.name, lower: lo[c], upper: hi[c] });
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
 * Check a total budget against the limits: Σlo > budget ('BUDGET_BELOW_MINIMUM'), or for an
 * equality budget Σhi < budget ('BUDGET_ABOVE_MAXIMUM'). Returns null when the budget is feasible.
 * @example checkBudget(limits, 50, 'exact') // null when Σlo ≤ 50 ≤ Σhi
 */
export function checkBudget(limits: SpendLimits, budget: number, mode: 'exact' | 'up-to'): Infeasible | null {
  let sLo = 0, sHi = 0;
  for (let c = 0; c < limits.lo.length; c++) { sLo += limits.lo[c]; sHi += limits.hi[c]; }
  if (!(budget >= 0) || !Number.isFinite(budget)) throw new EngineError('INVALID_ARGUMENT', `optimize: budget must be a finite number ≥ 0, got ${budget}`);
  if (sLo > budget * (1 + 1e-12) + 1e-12) {
    return infeasible('BUDGET_BELOW_MINIMUM', `The budget ${fmt(budget)} is below the ${fmt(sLo)} that the lower bounds and locks already require; raise the budget or relax the lower bounds.`, { budget, minimumBudget: sLo });
  }
  if (mode === 'exact' && sHi < budget * (1 - 1e-12) - 1e-12) {
    return infeasible('BUDGET_ABOVE_MAXIMUM', `The budget ${fmt(budget)} cannot be spent: the upper bounds and locks allow at most ${fmt(sHi)}; lower the budget, relax the upper bounds, or use an "up to" budget.`, { budget, maximumBudget: sHi });
  }
  return null;
}

/** Build an Infeasible result. @example infeasible('TARGET_UNREACHABLE', 'msg', {}).feasible // false */
export function infeasible(reason: Infeasible['reason'], message: string, details: Infeasible['details']): Infeasible {
  return { feasible: false, reason, message, details };
}

/** Format a number for messages (6 significant digits, thousands separators). @example formatAmount(1234567.891) // '1,234,570'; formatAmount(0.000123456789) // '0.000123457' */
export function formatAmount(v: number): string {
  return fmt(v);
}
