import type { ResponseModel } from './types.ts';
import { replicateCount } from './replicate-count.ts';
import { interval90, steadyStateLiftDraws } from './lift-draws.ts';
import { keepsCurrentSpend, type SpendChange } from './keep-current.ts';
import { intervalSentence, type DrawSource } from './explain-interval.ts';
import type { MoneyFormat } from '../text/money-format.ts';

/** How sure the model is of a steady-state allocation's lift over current spend. */
export interface LiftUncertainty {
  /** The 5–95 % range of the lift per period across the replicate models; null with fewer than MIN_REPLICATES. */
  readonly interval: [number, number] | null;
  /** How many replicate lifts the range comes from (0: the model has no replicates). */
  readonly replicates: number;
  /** intervalSentence on that range (with its leading space); '' when nothing moves or there is no range. */
  readonly sentence: string;
}

/**
 * The lift's interval and its sentence for a steady-state allocation, the one rule `mixwise optimize`,
 * POST /api/runs/:id/optimize, the dashboard and the report's computed recommendation share: the lift from current to recommended spend
 * under each replicate's curves (steadyStateLiftDraws), its 5–95 % range (interval90), and
 * intervalSentence, left out when no channel moves (keepsCurrentSpend: the replicates' spread of a zero
 * lift is no change to test).
 * @param expected the expected response model (its channels' components are the replicate curves; none: no interval)
 * @param channels current and recommended spend per period, in the model's channel order
 * @param lift the allocation's expected lift per period
 * @param source what the replicates are (drawSource(model))
 * @param money the KPI's currency and locale (kpiMoney), for the sentence's lifts
 * @throws EngineError INVALID_ARGUMENT when the channels carry different numbers of replicates (replicateCount)
 * @example liftUncertainty(rm, alloc.channels, alloc.expected.lift, 'bootstrap').interval // [-7952, 59845]
 */
export function liftUncertainty(expected: ResponseModel, channels: readonly SpendChange[], lift: number, source: DrawSource, money?: MoneyFormat): LiftUncertainty {
  const draws = replicateCount(expected) > 0 ? steadyStateLiftDraws(expected, channels.map((c) => c.current), channels.map((c) => c.recommended)) : [];
  const interval = interval90(draws);
  const sentence = keepsCurrentSpend(channels) ? '' : intervalSentence(interval, draws.length, lift, source, money);
  return { interval, replicates: draws.length, sentence };
}
