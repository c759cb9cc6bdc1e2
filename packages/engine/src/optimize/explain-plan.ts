import { outsideDataText } from './explain-allocation.ts';
import { intervalSentence, type DrawSource } from './explain-interval.ts';
import { keepsCurrentSpend, keptSpendReason } from './keep-current.ts';
import type { PlanComparison } from './plan-versus-current.ts';
import { proseAmount, signedPercent as pct } from '../text/prose-format.ts';
import { dataShownText, sparseDataText } from './sparse-data-text.ts';
import type { MoneyFormat } from '../text/money-format.ts';

/**
 * A one-paragraph plain-language summary of a multi-period plan with its numbers: the budget over
 * the plan against current spend, the three largest moves, flighting, the KPI inside the window and
 * the carry-out after it, the bounds that bind, channels taken outside the levels the data cover,
 * convergence, a caution for channels that spent in too few fitted periods (sparseDataText), and
 * the lift interval across replicates. A plan that keeps every channel at its
 * current spend in every period (planKeepsCurrentSpend) says so instead, and what holds it there —
 * the constraints, named, or nothing — with no move to list or to test.
 * @param cmp planVersusCurrent's comparison
 * @returns one paragraph (totals over the plan)
 * @param source what the lift interval's replicate models are (drawSource(model))
 * @param units the spend's currency and locale (`money`) and the KPI's (`kpiMoney`: a revenue KPI's)
 * @example explainPlan(planVersusCurrent(pm, { periods: 13 })) // 'Spend 13,000 over the next 13 periods …'
 */
export function explainPlan(cmp: PlanComparison, source: DrawSource = 'bootstrap', units: { readonly money?: MoneyFormat; readonly kpiMoney?: MoneyFormat } = {}): string {
  const { plan, current } = cmp;
  const H = plan.periods;
  const total = plan.budgetPerPeriod.reduce((a, b) => a + b, 0);
  // Round-off (a lift of 1e-13 on a KPI of 1e6) reads as 0, not as a long decimal or '-0'.
  const scale = Math.max(Math.abs(total), Math.abs(plan.kpi.current.window) + Math.abs(plan.kpi.current.carryOut));
  const amount = (v: number): string => proseAmount(Math.abs(v) <= 1e-9 * scale ? 0 : v, units.money);
  const kpi = (v: number): string => proseAmount(Math.abs(v) <= 1e-9 * scale ? 0 : v, units.kpiMoney);
  const perPeriodNow = current.budgetPerPeriod.reduce((a, b) => a + b, 0) / H;
  const moves = plan.channels.map((ch, c) => ({ channel: ch.channel, from: current.channels[c].total, to: ch.total }))
    .filter((m) => Math.abs(m.to - m.from) > 1e-9 * Math.max(1, total))
    .sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from)).slice(0, 3)
    .map((m) => `${m.to > m.from ? 'raise' : 'cut'} ${m.channel} from ${amount(m.from)} to ${amount(m.to)}${m.from > 0 ? ` (${pct((m.to - m.from) / m.from)})` : ''}`);
  const lo = Math.min(...plan.budgetPerPeriod), hi = Math.max(...plan.budgetPerPeriod);
  const flight = hi - lo > 1e-6 * Math.max(1, hi) ? ` Spend per period ranges from ${amount(lo)} to ${amount(hi)} (flighting).` : ' Spend is even across the periods.';
  const w = plan.kpi, pctOf = (a: number, b: number): string => (b !== 0 ? ` (${pct((a - b) / Math.abs(b))})` : '');
  const unconverged = plan.converged ? '' : ` The planner stopped after ${plan.iterations} iterations before converging; the plan may be improved slightly.`;
  if (planKeepsCurrentSpend(cmp)) {
    return `Keep the current spend of ${amount(perPeriodNow)} per period over the next ${H} periods, every channel as now in every period. ${keptSpendReason(cmp.binding)}`
      + ` Inside the window the KPI is predicted to stay at ${kpi(w.recommended.window)}, and the carry-out after it at ${kpi(w.recommended.carryOut)}.${unconverged}`
      + sparseDataText(plan.channels);
  }
  const binds = cmp.binding.filter((b) => b !== 'budget');
  return `Spend ${amount(total)} over the next ${H} periods (${amount(total / H)} per period on average vs ${amount(perPeriodNow)} now)`
    + `${moves.length > 0 ? `: over the plan, ${moves.join(', ')}` : ' with the current split'}.${flight}`
    + ` Inside the window the KPI is predicted to move from ${kpi(w.current.window)} to ${kpi(w.recommended.window)}${pctOf(w.recommended.window, w.current.window)},`
    + ` and the carry-out after it from ${kpi(w.current.carryOut)} to ${kpi(w.recommended.carryOut)}: ${w.lift.total >= -1e-9 * scale ? '+' : ''}${kpi(w.lift.total)} in total.`
    + (binds.length > 0 ? ` Constraints that bind: ${binds.join(', ')}.` : '')
    + outsideDataText(plan.channels.flatMap((c) => {
      if (c.beyondData === null || c.dataRange === null) return [];
      const level = c.beyondData === 'above' ? `up to ${amount(c.levels.high)}` : `down to ${amount(c.levels.low)}`;
      return [`${c.channel} reaches a sustained level ${level} per period, ${c.beyondData} any in the data (${dataShownText(c.dataRange, amount)})`];
    }))
    + sparseDataText(plan.channels)
    + unconverged
    + intervalSentence(cmp.liftInterval, cmp.liftDraws.length, w.lift.total, source, units.kpiMoney);
}

/**
 * Whether a plan keeps every channel at its current spend in every period: keepsCurrentSpend, the
 * steady-state notion, period by period (so a plan that only moves spend between periods is a change).
 * @param cmp planVersusCurrent's comparison
 * @example planKeepsCurrentSpend(planVersusCurrent(pm, { periods: 4, constraints: { locks: { tv: true, radio: true } } })) // true
 */
export function planKeepsCurrentSpend(cmp: PlanComparison): boolean {
  const { plan, current } = cmp;
  for (let h = 0; h < plan.periods; h++) {
    if (!keepsCurrentSpend(plan.channels.map((ch, c) => ({ current: current.channels[c].spend[h], recommended: ch.spend[h] })))) return false;
  }
  return true;
}
