import { DEFAULT_CONTROL, type ChannelControl } from './constraints.ts';

/**
 * A channel's bound fields as typed: the text of "Min ×" and "Max ×" (kept as text so that a field
 * emptied while retyping is not read as 0), and the lock.
 */
export interface ControlInput {
  readonly minText: string;
  readonly maxText: string;
  readonly locked: boolean;
}

/** The default fields: the engine's default bounds, unlocked. */
export const DEFAULT_INPUT: ControlInput = { minText: String(DEFAULT_CONTROL.min), maxText: String(DEFAULT_CONTROL.max), locked: false };

/** The fields read: controls to optimise with, or null when any field is not usable; a problem per channel (null when fine). */
export interface ReadControls {
  readonly controls: ChannelControl[] | null;
  readonly problems: readonly (string | null)[];
}

/** A multiple as typed, or why it is not one. */
function readMultiple(text: string, field: string): number | string {
  const t = text.trim();
  if (t === '') return `Enter a ${field} (a multiple of current spend, e.g. 2).`;
  const v = Number(t);
  if (!Number.isFinite(v) || v < 0) return `${field} must be a number ≥ 0 (a multiple of current spend).`;
  return v;
}

/**
 * Read every channel's bound fields without throwing: a field that is empty, not a number, negative,
 * or a minimum above its maximum makes a problem in words for that channel, and no controls at all
 * (the optimiser and the scenarios wait until every field is usable).
 * @param inputs [nChannels] the fields as typed
 * @example readControls([{ minText: '3', maxText: '2', locked: false }]).problems[0] // 'Min × 3 is above Max × 2: …'
 */
export function readControls(inputs: readonly ControlInput[]): ReadControls {
  let ok = true;
  const controls: ChannelControl[] = [];
  const problems = inputs.map((input) => {
    const min = readMultiple(input.minText, 'Min ×');
    const max = readMultiple(input.maxText, 'Max ×');
    let problem: string | null = null;
    if (typeof min === 'string') problem = min;
    else if (typeof max === 'string') problem = max;
    else if (min > max) problem = `Min × ${min} is above Max × ${max}: the minimum must not exceed the maximum.`;
    else controls.push({ min, max, locked: input.locked });
    if (problem !== null) ok = false;
    return problem;
  });
  return { controls: ok ? controls : null, problems };
}
