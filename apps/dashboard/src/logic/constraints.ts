import { DEFAULT_BOUNDS, type AllocationConstraints } from '@mixwise/engine';

/** The simulator's per-channel controls: bounds as multiples of current spend, and a lock. */
export interface ChannelControl {
  readonly min: number;
  readonly max: number;
  readonly locked: boolean;
}

/** Default controls: the engine's DEFAULT_BOUNDS (0.5× to 2× current, as the CLI and the API), unlocked. */
export const DEFAULT_CONTROL: ChannelControl = { min: DEFAULT_BOUNDS.min.value, max: DEFAULT_BOUNDS.max.value, locked: false };

/**
 * Build optimiser constraints from the simulator's controls: per-channel min/max as multiples of
 * current spend, and locks. A locked channel keeps the spend given in `lockedSpend` (the slider's
 * value), or its current spend when none is given (or it is null).
 * @param names [nChannels] channel names
 * @param controls [nChannels] bounds and locks
 * @param lockedSpend optional [nChannels] spend per period to hold locked channels at (null: current spend)
 * @throws Error when a min is above its max or a multiple is negative
 * @example buildConstraints(['tv'], [{ min: 0.5, max: 2, locked: false }]).channels.tv.max // { type: 'multiple', value: 2 }
 */
export function buildConstraints(names: readonly string[], controls: readonly ChannelControl[], lockedSpend?: readonly (number | null)[]): AllocationConstraints & { channels: Record<string, { min: { type: 'multiple'; value: number }; max: { type: 'multiple'; value: number } }> } {
  const channels: Record<string, { min: { type: 'multiple'; value: number }; max: { type: 'multiple'; value: number } }> = {};
  const locks: Record<string, true | number> = {};
  names.forEach((name, i) => {
    const c = controls[i];
    if (!(c.min >= 0) || !(c.max >= 0)) throw new Error(`bounds for ${name} must be ≥ 0`);
    if (c.min > c.max) throw new Error(`bounds for ${name}: min ${c.min} is above max ${c.max}`);
    channels[name] = { min: { type: 'multiple', value: c.min }, max: { type: 'multiple', value: c.max } };
    if (c.locked) locks[name] = lockedSpend?.[i] ?? true;
  });
  return Object.keys(locks).length > 0 ? { channels, locks } : { channels };
}
