import type { AllocationResult, SummaryResult } from '@mixwise/engine';
import { formatPct, formatRoi } from './format.ts';

/** A feasible allocation. */
type Allocation = Extract<AllocationResult, { feasible: true }>;

/** A channel the optimiser stopped at one of its limits (not a lock: a lock is the user's own choice). */
export interface LimitMove {
  readonly channel: string;
  readonly side: 'lower' | 'upper';
  /** The limit as a multiple of current spend (null when current spend is 0). */
  readonly multiple: number | null;
  /** (recommended − current) / current, null when current is 0. */
  readonly changeShare: number | null;
}

/** 2 → '2', 0.5 → '0.5', 1.3333 → '1.33': a multiple as people type it. */
export function multipleText(m: number): string {
  return String(Number(m.toPrecision(3)));
}

/**
 * The channels of an allocation that sit at their lower or upper limit (engine status 'at-lower' /
 * 'at-upper'), in the allocation's order: their figures are set by the limit, not by the curves.
 * @example limitMoves(alloc) // [{ channel: 'tv', side: 'upper', multiple: 2, changeShare: 1 }]
 */
export function limitMoves(a: Allocation): LimitMove[] {
  return a.channels.flatMap((c) => {
    if (c.status !== 'at-lower' && c.status !== 'at-upper') return [];
    const side = c.status === 'at-lower' ? 'lower' as const : 'upper' as const;
    const bound = side === 'lower' ? c.lower : c.upper;
    return [{ channel: c.channel, side, multiple: c.current > 0 ? bound / c.current : null, changeShare: c.changeShare }];
  });
}

/**
 * The badge beside a channel stopped at a limit.
 * @example limitBadge({ channel: 'tv', side: 'upper', multiple: 2, changeShare: 1 }) // 'at 2× limit'
 */
export function limitBadge(m: LimitMove): string {
  return m.multiple === null ? `at ${m.side} limit` : `at ${multipleText(m.multiple)}× limit`;
}

const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/**
 * One sentence saying which moves a limit decided: the optimiser would have moved those channels
 * further, so their figures show the limit, not what the model finds best.
 * @param moves limitMoves of the allocation
 * @param how what the reader can do about it, e.g. 'Change Min × or Max × to see where the model would stop.'
 * @returns '' when no channel is at a limit
 * @example limitSentence([{ channel: 'tv', side: 'upper', multiple: 2, changeShare: 1 }], 'Change Max ×.') // 'tv (+100.0%) stopped at its upper limit (2× current spend): there a limit, not the model, decides the figure; the model would move it further. Change Max ×.'
 */
export function limitSentence(moves: readonly LimitMove[], how: string): string {
  if (moves.length === 0) return '';
  const groups = new Map<string, LimitMove[]>();
  for (const m of moves) {
    const key = `${m.side}:${m.multiple === null ? '' : multipleText(m.multiple)}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const parts = [...groups.values()].map((g) => {
    const names = list(g.map((m) => `${m.channel} (${formatPct(m.changeShare, true)})`));
    const limit = g[0].multiple === null ? '' : ` (${multipleText(g[0].multiple)}× current spend)`;
    return `${names} stopped at ${g.length > 1 ? 'their' : 'its'} ${g[0].side} limit${limit}`;
  });
  const one = moves.length === 1;
  return `${list(parts)}: there a limit, not the model, decides the figure${one ? '' : 's'}; the model would move ${one ? 'it' : 'them'} further. ${how}`;
}

/**
 * A caution on channels the allocation grows (by at least `threshold` of current spend) whose 90%
 * ROI interval in the fit reaches 0 (or below): the data do not rule out that their extra spend returns nothing.
 * @param a the allocation
 * @param summary the run's summary.json (roi_interval per channel)
 * @param roiName what KPI ÷ spend is called ('ROI', or 'KPI per spend' for a count KPI)
 * @returns '' when no such channel grows
 * @example unsettledGrowSentence(alloc, summary, 'ROI') // 'search (+40.1%) grows, but its 90% ROI range in the fit starts at 0 (0.00–25.22): …'
 */
export function unsettledGrowSentence(a: Allocation, summary: SummaryResult, roiName: string, threshold = 0.02): string {
  const byName = new Map(summary.channels.map((c) => [c.name, c]));
  const grows = a.channels.filter((c) => {
    const iv = byName.get(c.channel)?.roi_interval;
    const grows = c.changeShare === null ? c.change > 0 : c.changeShare >= threshold;
    return grows && iv !== null && iv !== undefined && iv[0] <= 0;
  });
  if (grows.length === 0) return '';
  const one = grows.length === 1;
  const names = list(grows.map((c) => `${c.channel} (${formatPct(c.changeShare, true)})`));
  const ranges = list(grows.map((c) => { const iv = byName.get(c.channel)?.roi_interval ?? [0, 0]; return `${formatRoi(iv[0])}–${formatRoi(iv[1])}`; }));
  // A low end below 0 (a ridge fit's bootstrap can go there) does not "start at 0".
  const below = grows.some((c) => (byName.get(c.channel)?.roi_interval?.[0] ?? 0) < 0);
  const reach = below ? `${one ? 'reaches' : 'reach'} 0 or below` : `${one ? 'starts' : 'start'} at 0`;
  return `${names} ${one ? 'grows' : 'grow'}, but ${one ? 'its' : 'their'} 90% ${roiName} range${one ? '' : 's'} in the fit ${reach} (${ranges}): `
    + `the data do not rule out that the extra spend returns nothing, so treat ${one ? 'this increase' : 'these increases'} as a test to measure (a lift test), not a sure gain.`;
}
