import type { AllocationResult, MoneyFormat } from '@mixwise/engine';
import { formatCompact, formatPct } from './format.ts';
import { limitMoves, multipleText } from './limit-moves.ts';

/** One channel move in a recommendation, spend per period. */
export interface Move {
  readonly channel: string;
  readonly from: number;
  readonly to: number;
  /** (to − from) / from, null when from is 0. */
  readonly changeShare: number | null;
  /** The limit the move stopped at, as a multiple of current spend ('at its 2× limit'); null when free. */
  readonly limit: number | null;
}

/** What the optimiser recommends at the current budget, ready to write out. */
export interface Recommendation {
  readonly grow: readonly Move[];
  readonly cut: readonly Move[];
  /** Predicted KPI per period now and after the reallocation, and the lift. */
  readonly current: number;
  readonly recommended: number;
  readonly lift: number;
  readonly liftShare: number | null;
  /** The same as sentences, for people. */
  readonly sentences: readonly string[];
}

/**
 * Turn an allocation into a recommendation: channels whose spend moves by more than `threshold`
 * (share of current) to grow or to cut, largest move first, with the expected lift per period and
 * over `periods` periods.
 * @param result allocateBudget's result at the current budget
 * @param kpiName the KPI's name, e.g. 'revenue'
 * @param periods how many periods to express the lift over (e.g. 52 for a year of weeks)
 * @param units the model's currency and locale for spend (`money`) and for the KPI (`kpiMoney`: the same for a revenue KPI, none for a count)
 * @param threshold minimum |change share| to mention a channel (default 0.02)
 * @returns null when the allocation is infeasible
 * @example recommendation(alloc, 'revenue', 52)?.grow[0].channel // 'search'
 */
export function recommendation(result: AllocationResult, kpiName: string, periods: number, units: { money?: MoneyFormat; kpiMoney?: MoneyFormat } = {}, threshold = 0.02): Recommendation | null {
  if (!result.feasible) return null;
  // The limit multiple of a channel stopped at a limit, as limitMoves computes it for the notes.
  const limits = new Map(limitMoves(result).map((m) => [m.channel, m.multiple]));
  const moves: Move[] = result.channels
    .filter((c) => c.changeShare === null ? c.change > 0 : Math.abs(c.changeShare) >= threshold)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
    .map((c) => ({ channel: c.channel, from: c.current, to: c.recommended, changeShare: c.changeShare, limit: limits.get(c.channel) ?? null }));
  const grow = moves.filter((m) => m.to > m.from);
  const cut = moves.filter((m) => m.to < m.from);
  const { current, recommended, lift, liftShare } = result.expected;
  // A move a limit stopped says so where it is read, not only in a note after it.
  const describe = (m: Move) => `${m.channel} from ${formatCompact(m.from, units.money)} to ${formatCompact(m.to, units.money)} per period (${formatPct(m.changeShare, true)}${m.limit === null ? '' : `, at its ${multipleText(m.limit)}× limit`})`;
  const sentences: string[] = [];
  if (grow.length === 0 && cut.length === 0) {
    sentences.push('The current split is already close to the best the model can find at this budget; no channel needs to move by more than 2%.');
  } else {
    if (grow.length > 0) sentences.push(`Grow ${grow.map(describe).join('; ')}.`);
    if (cut.length > 0) sentences.push(`Fund it by cutting ${cut.map(describe).join('; ')}.`);
    sentences.push(`With the same total budget this is expected to lift ${kpiName} by ${formatCompact(lift, units.kpiMoney)} per period (${formatPct(liftShare, true)}), about ${formatCompact(lift * periods, units.kpiMoney)} over ${periods} periods.`);
  }
  return { grow, cut, current, recommended, lift, liftShare, sentences };
}
