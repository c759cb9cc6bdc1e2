import type { BoundStatus } from './types.ts';
import { roiDecimals } from '../text/roi-decimals.ts';

/** A recommended move and the bound that holds it (ChannelAllocation, or optimization.json's allocation + binding). */
export interface BoundMove {
  readonly channel: string;
  readonly current: number;
  readonly recommended: number;
  readonly status: BoundStatus;
}

/**
 * A channel's bound status read back from an allocation's `binding` list ('tv: upper bound', as
 * optimization.json writes it), for a file whose allocation rows carry no status. A plan's per-period
 * entries ('tv: upper bound in 2 of 6 periods') do not hold the channel in every period: 'free'.
 * @example statusFromBinding('tv', ['budget', 'tv: upper bound']) // 'at-upper'
 */
export function statusFromBinding(channel: string, binding: readonly string[] | undefined): BoundStatus {
  const hit = (binding ?? []).find((b) => b === `${channel}: upper bound` || b === `${channel}: lower bound` || b === `${channel}: locked`);
  return hit === undefined ? 'free' : hit.endsWith('upper bound') ? 'at-upper' : hit.endsWith('lower bound') ? 'at-lower' : 'locked';
}

/**
 * A multiple of current spend in words: two significant digits and '×' (2 → '2×', 0.5 → '0.5×').
 * @example multipleText(1.5) // '1.5×'
 */
export function multipleText(m: number): string {
  return `${Number(m.toPrecision(2))}×`;
}

/**
 * What a move held at a bound adds after its percentage: ', at its 2× upper limit' (the limit as a
 * multiple of current spend, read off the move itself), '' for a free or locked channel.
 * @example limitTag({ channel: 'tv', current: 10, recommended: 20, status: 'at-upper' }) // ', at its 2× upper limit'
 */
export function limitTag(m: BoundMove): string {
  if (m.status !== 'at-upper' && m.status !== 'at-lower') return '';
  const side = m.status === 'at-upper' ? 'upper' : 'lower';
  return m.current > 0 ? `, at its ${multipleText(m.recommended / m.current)} ${side} limit` : `, at its ${side} limit`;
}

/**
 * The sentence that says which moves a limit, not the model, decides: ' tv and print stop at a limit:
 * there the limit, not the model, sets the figure …', '' when no moved channel is held by a bound. A
 * channel at its bound would move further if the bound allowed, so its figure says "at least this
 * far", not "this far".
 * @param moves the moves (channels that do not move are left out by the caller or here)
 * @example limitsDecideText([{ channel: 'tv', current: 10, recommended: 20, status: 'at-upper' }]) // ' tv stops at a limit (2× current): …'
 */
export function limitsDecideText(moves: readonly BoundMove[]): string {
  const held = moves.filter((m) => (m.status === 'at-upper' || m.status === 'at-lower') && m.recommended !== m.current);
  if (held.length === 0) return '';
  const names = held.map((m) => (m.current > 0 ? `${m.channel} (${multipleText(m.recommended / m.current)} current)` : m.channel));
  const one = held.length === 1;
  return ` ${listText(names)} ${one ? 'stops' : 'stop'} at a limit: there the limit, not the model, sets the figure, and the model would move ${one ? 'it' : 'them'} further if allowed. `
    + `Read ${one ? 'it' : 'those figures'} as a direction, not a measured optimum; widen the limits (bounds) to see how far the model would go, and test a move that large before committing to it.`;
}

/** An interval's top at or above this many times its bottom counts as very wide. */
export const WIDE_INTERVAL_RATIO = 10;

/** An interval whose bottom is below this (it prints as 0.00) reaches zero. */
const ZERO_ROI = 0.005;

/**
 * The caution on channels a recommendation grows although their 90% ROI interval reaches 0 (its low end
 * prints as 0.00) or is very wide (its top at least WIDE_INTERVAL_RATIO × its bottom): the data do not
 * rule out that the extra spend returns nothing, or know its return only loosely. '' when no grown
 * channel is so.
 * @param moves current and recommended spend per channel
 * @param intervals the channels' 90% ROI intervals (summary.json roi_interval), by channel name; null or absent: none
 * @param roiName what the ROI is called ('ROI', or 'KPI per spend' for a count KPI)
 * @example growthCautionText([{ channel: 'search', current: 10, recommended: 14 }], { search: [0, 25.2] }) // ' Growing search rests on weak evidence: …'
 */
export function growthCautionText(
  moves: readonly { readonly channel: string; readonly current: number; readonly recommended: number }[],
  intervals: Readonly<Record<string, readonly [number, number] | null | undefined>>,
  roiName = 'ROI',
): string {
  const fmt = (v: number): string => v.toFixed(roiDecimals(v));
  const weak = moves.flatMap((m) => {
    const iv = intervals[m.channel];
    if (!(m.recommended > m.current * (1 + 1e-6)) || iv === null || iv === undefined) return [];
    const zero = iv[0] < ZERO_ROI, wide = !zero && iv[1] >= WIDE_INTERVAL_RATIO * iv[0];
    return zero || wide ? [{ channel: m.channel, text: `${m.channel} (${fmt(iv[0])}–${fmt(iv[1])})`, zero }] : [];
  });
  if (weak.length === 0) return '';
  const anyZero = weak.some((w) => w.zero), allZero = weak.every((w) => w.zero);
  const why = allZero ? 'reaches 0, so the data do not rule out that the extra spend returns nothing'
    : anyZero ? 'reaches 0 or is very wide, so the data do not rule out that the extra spend returns nothing, or know its return only loosely'
      : `is very wide (its top ${WIDE_INTERVAL_RATIO}× its bottom or more), so the data know the return on the extra spend only loosely`;
  const one = weak.length === 1;
  return ` Growing ${listText(weak.map((w) => w.text))} rests on weak evidence: ${one ? 'its' : 'each one\'s'} 90% ${roiName} interval ${why}. `
    + `Raise ${one ? 'it' : 'them'} in steps and measure (a lift test or a geo experiment) before committing the full move.`;
}

/** 'a', 'a and b', 'a, b and c'. */
function listText(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
