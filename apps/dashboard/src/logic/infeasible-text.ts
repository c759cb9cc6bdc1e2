import type { Infeasible } from '@mixwise/engine';
import { formatAmount } from './format.ts';

/** Where an infeasible answer is shown: the simulator's Optimise (amounts per period) or its plan (totals over the plan). */
export type InfeasibleWhere =
  | { readonly field: 'total'; readonly period: string }
  | { readonly field: 'plan'; readonly periods: number; readonly period: string };

const num = (v: number | string | undefined): number => (typeof v === 'number' ? v : NaN);

/**
 * The text of an infeasible answer in the simulator's own controls. The engine's text (also the
 * CLI's) advises an "up to" budget and "relaxing bounds", which the page has no control for; here
 * the advice names the fields the page has: the budget field, Min ×, Max × and the locks. The limit
 * is rounded to a whole unit away from the infeasible side, so that typing it in works. Reasons
 * other than the budget being outside the limits keep the engine's text.
 * @param r the engine's Infeasible (its details carry the amounts)
 * @param where the budget field it answers
 * @example simulatorInfeasible({ feasible: false, reason: 'BUDGET_ABOVE_MAXIMUM', message: '…', details: { budget: 900, maximumBudget: 760.4 } }, { field: 'total', period: 'week' })
 *   // 'The budget 900 per week cannot be spent: the Max × limits and locked channels allow at most 760 per week; enter a Total budget of at most 760, or raise a channel's Max × or unlock it.'
 */
export function simulatorInfeasible(r: Infeasible, where: InfeasibleWhere): string {
  if (r.reason === 'TARGET_UNREACHABLE' && where.field === 'plan') return targetUnreachable(r);
  if (r.reason !== 'BUDGET_BELOW_MINIMUM' && r.reason !== 'BUDGET_ABOVE_MAXIMUM') return r.message;
  const below = r.reason === 'BUDGET_BELOW_MINIMUM';
  const amount = num(below ? r.details.minimumBudget : r.details.maximumBudget);
  if (!Number.isFinite(amount)) return r.message;
  const limit = formatAmount(below ? Math.ceil(amount) : Math.floor(amount));
  const budget = formatAmount(num(r.details.budget));
  const unit = where.field === 'total' ? ` per ${where.period}` : '';
  const span = where.field === 'total' ? ` per ${where.period}` : ` over ${where.periods} ${where.period}${where.periods === 1 ? '' : 's'}`;
  const field = where.field === 'total' ? 'a Total budget' : 'a Budget over the plan';
  return below
    ? `The budget ${budget}${span} is below the ${limit}${unit} that the Min × limits and locked channels require: enter ${field} of at least ${limit}, or lower a channel's Min × or unlock it.`
    : `The budget ${budget}${span} cannot be spent: the Max × limits and locked channels allow at most ${limit}${unit}; enter ${field} of at most ${limit}, or raise a channel's Max × or unlock it`
      + (where.field === 'plan' ? ' (a plan spends its whole budget).' : '.');
}

/**
 * A plan's KPI target that no budget reaches: the engine's sentence, then the advice in the page's
 * controls (lower the KPI target, rounded down to a whole unit; or, when the Max × limits stop it, raise them).
 */
function targetUnreachable(r: Infeasible): string {
  const most = num(r.details.maximumKpi);
  if (!Number.isFinite(most)) return r.message;
  const lower = `enter a KPI target of at most ${formatAmount(Math.floor(most))}`;
  return r.details.limitedBy === 'curves'
    ? `${r.message} To get a plan, ${lower}: no budget reaches more.`
    : `${r.message} To get a plan, ${lower}, or raise a channel's Max × or unlock it.`;
}

/**
 * A scenario level's infeasibility in a few words for its table cell (the levels are fixed, so the
 * advice is the limits).
 * @example scenarioInfeasibleLabel({ feasible: false, reason: 'BUDGET_ABOVE_MAXIMUM', message: '…', details: {} }) // 'above the Max × limits'
 */
export function scenarioInfeasibleLabel(r: Infeasible): string {
  if (r.reason === 'BUDGET_ABOVE_MAXIMUM') return 'above the Max × limits';
  if (r.reason === 'BUDGET_BELOW_MINIMUM') return 'below the Min × limits';
  return 'not possible within the limits';
}
