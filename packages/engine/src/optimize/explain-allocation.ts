import { proseAmount, signedPercent } from './prose-format.ts';
import type { AllocationResult, ChannelAllocation } from './types.ts';

const pct = signedPercent;

/** The sentence that names recommended spends outside the levels the data cover (empty when none are). */
function beyondDataText(channels: readonly ChannelAllocation[]): string {
  const out = channels.filter((c) => c.beyondData !== null);
  if (out.length === 0) return '';
  const items = out.map((c) => {
    const r = c.dataRange;
    const seen = r ? ` (the data show ${proseAmount(r.low)} to ${proseAmount(r.high)})` : '';
    return `${c.channel} at ${proseAmount(c.recommended)}, ${c.beyondData === 'below' ? 'below' : 'above'} any sustained level in the data${seen}`;
  });
  return outsideDataText(items);
}

/**
 * The 'Outside the data' sentence of an allocation or a plan: the items (one per channel, saying where
 * it goes and what the data cover) and the advice; '' without items.
 * @example outsideDataText(['tv at 900, above any sustained level in the data']) // ' Outside the data: tv at 900, …'
 */
export function outsideDataText(items: readonly string[]): string {
  if (items.length === 0) return '';
  return ` Outside the data: ${items.join('; ')}. There the response is the fitted curve extrapolated, not measured, so test such a move (for example with a geo experiment) before relying on it.`;
}

/**
 * A one-paragraph plain-language summary of an allocation with its numbers: the budget, the
 * predicted KPI and lift, the largest moves, the marginal return at the solution and what binds.
 * For an Infeasible result it returns the explanation. Recommended spends outside the levels the
 * data cover (ChannelAllocation.beyondData) are named with that range.
 * @param result an allocation result
 * @returns one paragraph of text (per-period figures)
 * @example explainAllocation(result) // 'Spend 1,000 per period (unchanged) …'
 */
export function explainAllocation(result: AllocationResult): string {
  if (!result.feasible) return `No allocation meets the request: ${result.message}`;
  const r = result;
  const dBudget = r.budget - r.currentBudget;
  const budgetText = Math.abs(dBudget) <= 1e-9 * Math.max(1, r.currentBudget)
    ? `Spend ${proseAmount(r.budget)} per period (unchanged)`
    : `Spend ${proseAmount(r.budget)} per period (${r.currentBudget > 0 ? pct(dBudget / r.currentBudget) : proseAmount(dBudget)} vs ${proseAmount(r.currentBudget)} now)`;
  const moves = [...r.channels].filter((c) => Math.abs(c.change) > 1e-9 * Math.max(1, r.budget)).sort((a, b) => Math.abs(b.change) - Math.abs(a.change)).slice(0, 3)
    .map((c) => `${c.change > 0 ? 'raise' : 'cut'} ${c.channel} from ${proseAmount(c.current)} to ${proseAmount(c.recommended)}${c.changeShare !== null ? ` (${pct(c.changeShare)})` : ''}`);
  const moveText = moves.length > 0 ? `: ${moves.join(', ')}` : ' with the current split, which is already the best within the constraints';
  const kpi = `This is predicted to move the KPI from ${proseAmount(r.expected.current)} to ${proseAmount(r.expected.recommended)} per period (${r.expected.liftShare !== null ? pct(r.expected.liftShare) : proseAmount(r.expected.lift)}, ${r.expected.lift >= 0 ? '+' : ''}${proseAmount(r.expected.lift)}).`;
  const margin = r.multiplier > 0 ? ` At this allocation the next unit of budget returns about ${proseAmount(r.multiplier)} in KPI wherever it goes among the channels not held by a bound.` : '';
  const binds = r.binding.filter((b) => b !== 'budget');
  const bindText = binds.length > 0 ? ` Constraints that bind: ${binds.join(', ')}.` : ' No channel bound binds.';
  const gap = r.optimalityGap > 1e-9 * Math.max(1, Math.abs(r.media.recommended)) ? ` Some response curves are S-shaped; the result is within ${proseAmount(r.optimalityGap)} of the best possible KPI per period.` : '';
  return `${budgetText}${moveText}. ${kpi}${margin}${bindText}${gap}${beyondDataText(r.channels)}`;
}
