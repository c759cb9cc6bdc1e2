import { liftUncertainty as engineLiftUncertainty, type AllocationResult, type DrawSource, type LiftUncertainty, type ResponseModel } from '@mixwise/engine';
import { formatCompact } from './format.ts';

/** A feasible allocation. */
type Allocation = Extract<AllocationResult, { feasible: true }>;

export type { LiftUncertainty };

/**
 * The lift's interval and its sentence for an allocation on the expected response model: the engine's
 * liftUncertainty, which `mixwise optimize` and POST /api/runs/:id/optimize use too, with the
 * sentence's leading space trimmed for a line of its own.
 * @param rm the expected response model (responseModelFromMmm with uncertainty 'expected') the allocation was made on
 * @param a the feasible allocation
 * @param source what the replicates are (engine drawSource(model))
 * @example liftUncertainty(rm, alloc, 'bootstrap').interval // [-7952, 59845]
 */
export function liftUncertainty(rm: ResponseModel, a: Allocation, source: DrawSource): LiftUncertainty {
  const u = engineLiftUncertainty(rm, a.channels, a.expected.lift, source);
  return { ...u, sentence: u.sentence.trim() };
}

const signed = (v: number) => `${v >= 0 ? '+' : ''}${formatCompact(v)}`;

/**
 * The range as a short label, scaled to `periods` periods (e.g. a year of weeks): '90% range: −413.5k to +3.11M'.
 * @returns null without a range
 * @example rangeLabel([-7952, 59845], 52) // '90% range: −413.5k to +3.11M'
 */
export function rangeLabel(interval: readonly [number, number] | null, periods = 1): string | null {
  return interval ? `90% range: ${signed(interval[0] * periods)} to ${signed(interval[1] * periods)}` : null;
}
