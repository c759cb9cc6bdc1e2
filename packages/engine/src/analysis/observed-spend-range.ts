import type { ChannelCurve } from '../model/channel-response.ts';
import { applyAdstock } from '../transforms/adstock/adstock.ts';
import { EngineError } from '../errors.ts';
import { geoEquivalentSpend } from '../model/geo-spend.ts';
import { sparseSpend, spendActivity, type SparseKind, type SpendActivity } from './sparse-spend.ts';

/** The sustained spend levels a channel's data cover (currency units per period). */
export interface SpendRange {
  readonly low: number;
  readonly high: number;
  /**
   * Set when the channel spent too rarely for its response at a sustained level to be identified
   * (sparseSpend): how often it spent and why it counts as sparse. low and high are then the levels
   * its bursts reached, and zero spend (its dark periods) is seen too.
   */
  readonly sparse?: SpendActivity & { readonly kind: SparseKind };
}

/**
 * The lowest and highest sustained-spend equivalents a channel's history shows over rows
 * [start, end): the minimum and maximum of its normalised adstocked spend A(x)_t. A sustained spend
 * x per period has A = x (normalised weights sum to 1), so A(x)_t is the steady level whose response
 * the model saw at t. Between `low` and `high` the response curve was fitted to data; outside it the
 * curve is the fitted shape extrapolated (docs/model.md §12), which planners should say.
 *
 * A channel that spent in few of the rows (sparseSpend: a burst or two, a late launch) is different:
 * the decay after each burst sweeps A through every level from the burst's down to zero, one period
 * each, which says nothing about holding such a level. Its range is then taken over the periods it
 * spent only (the levels its bursts held), and carries `sparse`; zero spend, seen in its dark periods,
 * stays inside (beyondObservedRange). A geo-level model's range is over every geo's levels A(x_g / s_g).
 * @param ch the channel's spend history and adstock (and geo split, for a geo-level model)
 * @param start first row (inclusive); end last row (exclusive), start < end
 * @returns { low, high } in currency units per period
 * @throws EngineError INVALID_ARGUMENT for an empty row range
 * @example observedSpendRange({ spend: [0, 10, 10], adstock: { type: 'geometric', alpha: 0 }, maxLag: 0 }, 1, 3) // { low: 10, high: 10 }
 */
export function observedSpendRange(ch: Pick<ChannelCurve, 'spend' | 'adstock' | 'maxLag' | 'panel'>, start: number, end: number): SpendRange {
  if (!(start >= 0 && end > start && end <= ch.spend.length)) throw new EngineError('INVALID_ARGUMENT', `observedSpendRange: rows [${start}, ${end}) are empty or outside the ${ch.spend.length} periods`);
  const activity = spendActivity(ch.spend, start, end);
  const kind = sparseSpend(activity);
  // A sparse channel that spent at all: the levels of the periods it spent, not the decay between them.
  const burstsOnly = kind !== null && activity.active > 0;
  // A geo-level model's curve saw each geo's level in national-equivalent units, A(x_g / s_g): the
  // range is over every geo's levels (a national spend split by size puts each geo at that level).
  const series = ch.panel === undefined ? [Float64Array.from(ch.spend)] : geoEquivalentSpend(ch.panel);
  let low = Infinity, high = -Infinity;
  for (const x of series) {
    const a = applyAdstock(x, ch.adstock, { maxLag: ch.maxLag, normalised: true });
    for (let t = start; t < end; t++) {
      if (burstsOnly && !(x[t] > 0)) continue;
      if (a[t] < low) low = a[t];
      if (a[t] > high) high = a[t];
    }
  }
  // Round-off of the recursive geometric adstock leaves tiny negatives after a dark spell.
  const range = { low: Math.max(0, low), high: Math.max(0, high) };
  return kind === null ? range : { ...range, sparse: { ...activity, kind } };
}

/** Slack before a spend counts as outside the observed range (round-off and near-edge plans are not news). */
const RANGE_SLACK = 0.01;

/**
 * Where a sustained spend lies against the levels the data cover: 'below' / 'above' when outside
 * the range by more than 1%, else null (also without a range). Zero spend is inside for a sparse
 * range (the channel's dark periods show it).
 * @example beyondObservedRange(300, { low: 100, high: 250 }) // 'above'
 */
export function beyondObservedRange(x: number, range: SpendRange | undefined | null): 'below' | 'above' | null {
  if (!range) return null;
  if (range.sparse && x <= 1e-6 * range.high) return null;
  // A low a millionth of the high is zero with round-off (a channel dark for a while): zero spend is inside.
  const low = range.low <= 1e-6 * range.high ? 0 : range.low;
  if (x < low * (1 - RANGE_SLACK)) return 'below';
  if (x > range.high * (1 + RANGE_SLACK)) return 'above';
  return null;
}
