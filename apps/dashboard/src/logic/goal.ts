import type { Goal } from '../worker/protocol.ts';
import type { RoiLabel } from '@mixwise/charts';
import { amountProblem, parseAmount, parseRatioAmount } from './amount.ts';

/** The goals of the simulator's "Plan to a goal", with their labels (KPI name, period word and the name of KPI ÷ spend, roiLabel, filled in). */
export const GOAL_CHOICES: readonly { readonly value: Goal; readonly label: (kpi: string, period: string, roiName: RoiLabel) => string }[] = [
  { value: 'kpi', label: (kpi, period) => `Reach a target ${kpi} per ${period} (least budget)` },
  { value: 'roi', label: (_kpi, _period, roiName) => `Keep media ${roiName} at least (most spend)` },
  { value: 'mroi', label: () => 'Spend while the next unit returns at least (marginal ROI)' },
];

/** A select's value as a Goal ('kpi' for anything unknown). @example goalOf('roi') // 'roi' */
export function goalOf(v: string): Goal {
  return v === 'roi' || v === 'mroi' ? v : 'kpi';
}

/** Round to three significant figures, so a default reads like a number someone would type. */
function sig3(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 0;
  const p = Math.pow(10, Math.floor(Math.log10(v)) - 2);
  return Math.round(v / p) * p;
}

/**
 * The value a goal field starts at: 5% more KPI than current spend predicts ('kpi'); today's media
 * ROI ('roi': how far spend can grow at today's efficiency); 1, break-even for revenue ('mroi').
 * @example goalDefault('kpi', 2_873_410, 900_000, 380_000) // 3_020_000
 */
export function goalDefault(goal: Goal, currentKpi: number, currentMedia: number, currentTotal: number): number {
  if (goal === 'kpi') return sig3(currentKpi * 1.05);
  if (goal === 'roi') return currentTotal > 0 ? Math.round((currentMedia / currentTotal) * 100) / 100 : 1;
  return 1;
}

/**
 * Why a typed goal value cannot be used (null when it can): every goal needs a finite number above 0.
 * @example goalValueProblem('roi', 0) // 'The return per unit of spend must be a number above 0.'
 */
export function goalValueProblem(goal: Goal, value: number): string | null {
  if (Number.isFinite(value) && value > 0) return null;
  return goal === 'kpi' ? 'The KPI target must be a number above 0.' : 'The return per unit of spend must be a number above 0.';
}

/** A goal field read: the value to aim at (null while the field is empty), or why the text is not one. */
export interface GoalField {
  readonly value: number | null;
  readonly problem: string | null;
}

/**
 * Read the goal field as typed: a KPI target as the spend fields take it (parseAmount: 3020000,
 * 3,020,000 or 3.02M), a return as a ratio (parseRatioAmount: 1.5, and 1.125 is 1.125, never dot
 * thousands), above 0. Text that is not such an amount ("1,5", "3m2") is
 * said to be so and never read as another number; an empty field is neither a value nor a problem yet.
 * @example readGoalField('kpi', '3.02M') // { value: 3020000, problem: null }
 * @example readGoalField('roi', '1,5').problem // 'The return per unit of spend must be a number above 0, such as 1.5 …'
 */
export function readGoalField(goal: Goal, text: string): GoalField {
  if (text.trim() === '') return { value: null, problem: null };
  const value = goal === 'kpi' ? parseAmount(text) : parseRatioAmount(text);
  if (value === null) {
    return {
      value: null,
      problem: goal === 'kpi'
        ? amountProblem(text, 'The KPI target must be a number above 0, such as 3020000, 3,020,000 or 3.02M.')
        : 'The return per unit of spend must be a plain number above 0 with a decimal point, such as 1.5 (no comma, spaces or k/M).',
    };
  }
  const problem = goalValueProblem(goal, value);
  return problem === null ? { value, problem: null } : { value: null, problem };
}
