import type { MmmModel } from '../model/mmm-model.ts';
import { proseAmount } from '../text/prose-format.ts';
import { DEFAULT_BOUNDS } from './default-bounds.ts';
import { responseModelFromMmm } from './response-model-from-mmm.ts';
import type { ChannelBounds } from './types.ts';

/** What idleChannelBounds gives: the idle channels' ranges and the sentence that says so. */
export interface IdleChannelBounds {
  /** Per idle channel, 0 up to DEFAULT_BOUNDS.max × its mean spend per period over the modeling window. */
  readonly channels: Readonly<Record<string, ChannelBounds>>;
  /** ' No spend in the last N periods, so by default …: tv (0 to 200,000).' (leading space, to append). */
  readonly note: string;
}

/**
 * Channels that spent nothing over the last `referencePeriods` periods but did over the modeling
 * window: the default 0.5×–2× of nothing would freeze them at 0, so under the default bounds they may
 * spend from 0 up to 2× their mean spend per period over the window instead (Robyn's allocator likewise
 * falls back to the historical mean for a channel without spend in its date range). One rule for
 * `mixwise optimize --reference-periods N` and the server's referencePeriods.
 * @param model a fitted model
 * @param options referencePeriods (the last N periods); current (given current spends, as responseModelFromMmm);
 *   hasOwnBounds: channels with bounds of their own, which keep them
 * @returns the ranges and the note, or null when no channel is idle
 * @example idleChannelBounds(model, { referencePeriods: 13, hasOwnBounds: () => false })?.channels.tv // { min: { type: 'absolute', value: 0 }, max: { type: 'absolute', value: 2 × tv's window mean } }
 */
export function idleChannelBounds(model: MmmModel, options: { readonly referencePeriods: number; readonly current?: Readonly<Record<string, number>>; readonly hasOwnBounds: (channel: string) => boolean }): IdleChannelBounds | null {
  const recent = responseModelFromMmm(model, { referencePeriods: options.referencePeriods, ...(options.current === undefined ? {} : { current: options.current }) });
  const whole = responseModelFromMmm(model);
  const channels = idleBounds(recent.channels.map((c, k) => ({ name: c.name, current: c.current, windowMean: whole.channels[k].current, ownBounds: options.hasOwnBounds(c.name) })));
  const idle = Object.entries(channels);
  if (idle.length === 0) return null;
  const names = idle.map(([name, b]) => `${name} (0 to ${proseAmount(b.max?.value ?? 0)})`).join(', ');
  return { channels, note: ` No spend in the last ${options.referencePeriods} periods, so by default between 0 and ${DEFAULT_BOUNDS.max.value}× the mean spend per period over the modeling window: ${names}.` };
}

/** A channel's spend per period over the reference periods and over the window, for idleBounds. */
export interface IdleCandidate {
  readonly name: string;
  /** Mean spend per period over the reference periods (the last N). */
  readonly current: number;
  /** Mean spend per period over the modeling window. */
  readonly windowMean: number;
  /** The channel has bounds of its own (typed by the user), which it keeps. */
  readonly ownBounds: boolean;
}

/**
 * The idle-channel rule itself, on spends already measured: a channel without spend over the reference
 * periods (current 0) that spent over the window, and has no bounds of its own, may spend from 0 to
 * DEFAULT_BOUNDS.max × its window mean. What idleChannelBounds (CLI, server) and the dashboard's
 * simulator, which has the spends but not the model in its page, both apply.
 * @param channels each channel's spends [nChannels]
 * @returns the bounds of the idle channels by name (empty when none is idle)
 * @example idleBounds([{ name: 'tv', current: 0, windowMean: 100, ownBounds: false }]).tv // { min: { type: 'absolute', value: 0 }, max: { type: 'absolute', value: 200 } }
 */
export function idleBounds(channels: readonly IdleCandidate[]): Record<string, ChannelBounds> {
  const max = DEFAULT_BOUNDS.max.value;
  return Object.fromEntries(channels.flatMap((c): [string, ChannelBounds][] => (c.current === 0 && c.windowMean > 0 && !c.ownBounds
    ? [[c.name, { min: { type: 'absolute', value: 0 }, max: { type: 'absolute', value: max * c.windowMean } }]] : [])));
}
