import type { Goal } from '../worker/protocol.ts';

/** The goals of the simulator's "Plan to a goal", with their labels (KPI name and period word filled in). */
export const GOAL_CHOICES: readonly { readonly value: Goal; readonly label: (kpi: string, period: string) => string }[] = [
  { value: 'kpi', label: (kpi, period) => `Reach a target ${kpi} per ${period} (least budget)` },
  { value: 'roi', label: () => 'Keep media ROI at least (most spend)' },
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
