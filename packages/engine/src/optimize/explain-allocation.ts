import { changeTolerance, keepsCurrentSpend, keptSpendReason } from './keep-current.ts';
import { proseAmount, signedAmount, signedPercent } from '../text/prose-format.ts';
import type { Allocation, AllocationResult, ChannelAllocation } from './types.ts';
import { dataShownText, sparseDataText } from './sparse-data-text.ts';
import type { MoneyFormat } from '../text/money-format.ts';
import { limitsDecideText, limitTag } from './limit-text.ts';

/** Moves named one by one in the paragraph; past this, the smallest are counted instead. */
export const MAX_NAMED_MOVES = 6;

const pct = signedPercent;

/** The sentence that names recommended spends outside the levels the data cover (empty when none are). */
function beyondDataText(channels: readonly ChannelAllocation[], spend: Amount): string {
  const out = channels.filter((c) => c.beyondData !== null);
  if (out.length === 0) return '';
  const items = out.map((c) => {
    const r = c.dataRange;
    const seen = r ? ` (${dataShownText(r, spend)})` : '';
    return `${c.channel} at ${spend(c.recommended)}, ${c.beyondData === 'below' ? 'below' : 'above'} any sustained level in the data${seen}`;
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

/** What was asked of an allocation, where the paragraph needs it. */
export interface ExplainOptions {
  /** The KPI target per period of a least-budget request (minimumBudget's targetKpi). */
  readonly targetKpi?: number;
  /** Currency and locale of spend (MmmModel.money): budgets and spends are written with it. */
  readonly money?: MoneyFormat;
  /** The same for KPI amounts: the model's money when the KPI is revenue, else none. */
  readonly kpiMoney?: MoneyFormat;
}

/** Writes one amount for prose (proseAmount with a MoneyFormat). */
type Amount = (v: number) => string;

/**
 * The opening sentence of a least-budget result whose target needs no spend above the lower bounds
 * ('' otherwise), from the facts minimumBudget returns: the baseline is the KPI with no media
 * (expected.recommended − media.recommended) and the least budget the lower bounds' total, which is
 * where its bisection ends when they already reach the target.
 */
function targetText(r: Allocation, targetKpi: number | undefined, spend: Amount, kpi: Amount): string {
  if (r.problem !== 'minimum-budget' || targetKpi === undefined) return '';
  const floor = r.channels.reduce((s, c) => s + c.lower, 0);
  const baseline = r.expected.recommended - r.media.recommended;
  const bounds = r.channels.some((c) => c.status === 'locked') ? 'the lower bounds and locks' : 'the lower bounds';
  const least = floor > 0 ? `the least budget is the total of ${bounds} (${spend(floor)} per period)` : 'the least budget is 0';
  // Every response curve is non-decreasing, so a target the baseline reaches is reached at the lower bounds.
  if (targetKpi <= baseline) {
    return `The target ${kpi(targetKpi)} is below what the baseline alone is predicted to deliver (${kpi(baseline)} per period): no media spend is needed to reach it; ${least}. `;
  }
  if (floor > 0 && r.budget <= floor + changeTolerance(r.channels)) {
    return `The target ${kpi(targetKpi)} is reached by ${bounds} alone (predicted ${kpi(r.expected.recommended)} per period, the baseline ${kpi(baseline)} included): no spend above them is needed; ${least}. `;
  }
  return '';
}

/**
 * The paragraph of an allocation that keeps every channel at its current spend: there is nothing to
 * change (so nothing to test), and what holds the split there — constraints, which relaxing may
 * improve on, or nothing, when the current split is already the best for the budget.
 */
function unchangedText(r: Allocation, margin: string, gap: string, spend: Amount, kpi: Amount): string {
  return `Keep the current spend of ${spend(r.budget)} per period, every channel as now. ${keptSpendReason(r.binding)} The KPI is predicted to stay at ${kpi(r.expected.recommended)} per period.${margin}${gap}`;
}

/**
 * A one-paragraph plain-language summary of an allocation with its numbers: the budget, the
 * predicted KPI and lift, every move (largest first; past MAX_NAMED_MOVES the smallest counted), each
 * held by a bound tagged with its limit and a sentence saying a limit, not the model, sets those
 * figures (limitsDecideText), the marginal return at the solution and what binds.
 * For an Infeasible result it returns the explanation. Recommended spends outside the levels the
 * data cover (ChannelAllocation.beyondData) are named with that range. An allocation that keeps the
 * current spend (keepsCurrentSpend) says there is nothing to change and what holds it; a least-budget
 * result whose target needs no media spend (or none above the lower bounds) says so first. Channels
 * that spent in too few fitted periods (a sparse dataRange) end it with a caution (sparseDataText).
 * @param result an allocation result
 * @param options what was asked: the KPI target of a least-budget request
 * @returns one paragraph of text (per-period figures)
 * @example explainAllocation(result) // 'Spend 1,000 per period (unchanged) …'
 */
export function explainAllocation(result: AllocationResult, options: ExplainOptions = {}): string {
  if (!result.feasible) return `No allocation meets the request: ${result.message}`;
  const r = result;
  const spend: Amount = (v) => proseAmount(v, options.money);
  const kpi: Amount = (v) => proseAmount(v, options.kpiMoney);
  const target = targetText(r, options.targetKpi, spend, kpi);
  // The shared marginal return is a fact about the free channels; with every channel held by a bound
  // (all at their lower bounds, say) there are none, and the sentence would describe an empty set.
  const free = r.channels.some((c) => c.status === 'free');
  const margin = r.multiplier > 0 && free ? ` At this allocation the next unit of budget returns about ${proseAmount(r.multiplier)} in KPI wherever it goes among the channels not held by a bound.` : '';
  const gap = r.optimalityGap > 1e-9 * Math.max(1, Math.abs(r.media.recommended)) ? ` Some response curves are S-shaped; the result is within ${kpi(r.optimalityGap)} of the best possible KPI per period.` : '';
  if (keepsCurrentSpend(r.channels)) return `${target}${unchangedText(r, margin, gap, spend, kpi)}${sparseDataText(r.channels)}`;
  const dBudget = r.budget - r.currentBudget;
  const budgetText = Math.abs(dBudget) <= 1e-9 * Math.max(1, r.currentBudget)
    ? `Spend ${spend(r.budget)} per period (unchanged)`
    : `Spend ${spend(r.budget)} per period (${r.currentBudget > 0 ? pct(dBudget / r.currentBudget) : spend(dBudget)} vs ${spend(r.currentBudget)} now)`;
  const tol = changeTolerance(r.channels);
  const moved = [...r.channels].filter((c) => Math.abs(c.change) > tol).sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  // Every move is named, a long list cut to the largest with the rest counted, so no cut goes unsaid.
  const named = moved.length <= MAX_NAMED_MOVES ? moved : moved.slice(0, MAX_NAMED_MOVES - 1);
  const moves = named.map((c) => {
    const limit = limitTag(c);
    const share = c.changeShare !== null ? ` (${pct(c.changeShare)}${limit})` : limit !== '' ? ` (${limit.slice(2)})` : '';
    return `${c.change > 0 ? 'raise' : 'cut'} ${c.channel} from ${spend(c.current)} to ${spend(c.recommended)}${share}`;
  });
  if (moved.length > named.length) moves.push(`and ${moved.length - named.length} smaller moves (see the table)`);
  const kpiText = `This is predicted to move the KPI from ${kpi(r.expected.current)} to ${kpi(r.expected.recommended)} per period (${r.expected.liftShare !== null ? pct(r.expected.liftShare) : kpi(r.expected.lift)}, ${signedAmount(r.expected.lift, options.kpiMoney)}).`;
  const binds = r.binding.filter((b) => b !== 'budget');
  const bindText = binds.length > 0 ? ` Constraints that bind: ${binds.join(', ')}.` : ' No channel bound binds.';
  return `${target}${budgetText}: ${moves.join(', ')}. ${kpiText}${margin}${bindText}${limitsDecideText(moved)}${floorStepText(r, spend)}${gap}${beyondDataText(r.channels, spend)}${sparseDataText(r.channels)}`;
}

/**
 * Why a target-mROI plan holds a channel at its lower bound although its marginal return reaches the
 * floor (Allocation.floorSteps): the step up its S-shaped curve returns less than the floor on average.
 */
function floorStepText(r: Allocation, spend: Amount): string {
  const m = proseAmount(r.multiplier);
  return (r.floorSteps ?? []).map((s) => ` ${s.channel}'s marginal return reaches ${m} only part of the way up its S-shaped curve: raising it from its lower bound ${spend(s.from)} to ${spend(s.to)}, where the marginal return falls back to ${m}, would return ${proseAmount(s.averageReturn)} per unit on average, below ${m}, so it stays at its lower bound.`).join('');
}
