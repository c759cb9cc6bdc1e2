import { interval90, intervalSentence, keepsCurrentSpend, steadyStateLiftDraws, type AllocationResult, type DrawSource, type ResponseModel } from '@mixwise/engine';
import { formatCompact } from './format.ts';

/** A feasible allocation. */
type Allocation = Extract<AllocationResult, { feasible: true }>;

/** How sure the model is of an allocation's lift over current spend, as `mixwise optimize` and the API say it. */
export interface LiftUncertainty {
  /** The 5–95 % range of the lift per period across the replicate models; null with fewer than MIN_REPLICATES. */
  readonly interval: readonly [number, number] | null;
  /** How many replicate lifts the range comes from (0: the model has no replicates). */
  readonly replicates: number;
  /** The optimizer's sentence on that range (engine intervalSentence, with its leading space trimmed); '' when nothing moves or there is no range. */
  readonly sentence: string;
}

/**
 * The lift's interval and its sentence for an allocation on the expected response model, computed as
 * `mixwise optimize` and POST /api/runs/:id/optimize do: the steady-state lift from current to
 * recommended spend under each replicate's curves (steadyStateLiftDraws), its 5–95 % range
 * (interval90), and intervalSentence, left out when no channel moves (keepsCurrentSpend).
 * @param rm the expected response model (responseModelFromMmm with uncertainty 'expected') the allocation was made on
 * @param a the feasible allocation
 * @param source what the replicates are (engine drawSource(model))
 * @example liftUncertainty(rm, alloc, 'bootstrap').interval // [-7952, 59845]
 */
export function liftUncertainty(rm: ResponseModel, a: Allocation, source: DrawSource): LiftUncertainty {
  const hasReplicates = rm.channels.length > 0 && rm.channels.every((c) => (c.components?.length ?? 0) > 0);
  const draws = hasReplicates ? steadyStateLiftDraws(rm, a.channels.map((c) => c.current), a.channels.map((c) => c.recommended)) : [];
  const interval = interval90(draws);
  const sentence = keepsCurrentSpend(a.channels) ? '' : intervalSentence(interval, draws.length, a.expected.lift, source).trim();
  return { interval, replicates: draws.length, sentence };
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
