import type { Curve } from './curve.ts';
import { beyondObservedRange } from '../analysis/observed-spend-range.ts';
import type { SpendLimits } from './normalise-bounds.ts';
import type { Allocation, AllocationProblem, BoundStatus, ChannelAllocation, ResponseModel } from './types.ts';

/** What a solver found, before it is dressed as an Allocation. */
export interface RawAllocation {
  readonly x: Float64Array;
  readonly multiplier: number;
  readonly method: Allocation['method'];
  readonly gap: number;
}

function status(x: number, lo: number, hi: number, locked: boolean): BoundStatus {
  if (locked) return 'locked';
  const tol = 1e-9 * Math.max(1, Math.abs(x), Math.abs(lo));
  if (x <= lo + tol) return 'at-lower';
  if (x >= hi - tol) return 'at-upper';
  return 'free';
}

/**
 * How a binding constraint is listed in `binding` (allocations and plans alike).
 * @example bindingText('tv', 'at-upper') // 'tv: upper bound'
 */
export function bindingText(channel: string, status: Exclude<BoundStatus, 'free'>): string {
  return `${channel}: ${status === 'locked' ? 'locked' : status === 'at-lower' ? 'lower bound' : 'upper bound'}`;
}

/**
 * Assemble the serialisable Allocation: per channel current vs recommended spend, response, ROI
 * (response / spend) and marginal ROI (r'(x)) at both, bound status; totals with the baseline;
 * the binding constraints; recommended spends outside the data's range (beyondData). All figures per period.
 * @param problem which problem was solved
 * @param model the response model; curves its compiled curves [nChannels]
 * @param limits the bounds used; raw the solver's spend [nChannels], multiplier, method and gap
 * @example buildAllocation('budget', model, curves, limits, raw).expected.lift // recommended − current KPI
 */
export function buildAllocation(problem: AllocationProblem, model: ResponseModel, curves: readonly Curve[], limits: SpendLimits, raw: RawAllocation): Allocation {
  const channels: ChannelAllocation[] = [];
  let mediaCur = 0, mediaRec = 0, budget = 0, currentBudget = 0;
  const binding: string[] = [];
  for (let c = 0; c < curves.length; c++) {
    const ch = model.channels[c], x = raw.x[c], cur = ch.current;
    const rc = curves[c].value(cur), rr = curves[c].value(x);
    const st = status(x, limits.lo[c], limits.hi[c], limits.locked[c] === 1);
    if (st !== 'free') binding.push(bindingText(ch.name, st));
    channels.push({
      channel: ch.name, current: cur, recommended: x, change: x - cur, changeShare: cur > 0 ? (x - cur) / cur : null,
      lower: limits.lo[c], upper: limits.hi[c], status: st,
      responseCurrent: rc, responseRecommended: rr,
      roiCurrent: cur > 0 ? rc / cur : null, roiRecommended: x > 0 ? rr / x : null,
      mroiCurrent: curves[c].d1(cur), mroiRecommended: curves[c].d1(x),
      beyondData: beyondObservedRange(x, ch.observed), dataRange: ch.observed ?? null,
    });
    mediaCur += rc; mediaRec += rr; budget += x; currentBudget += cur;
  }
  const multiplier = Number.isFinite(raw.multiplier) ? raw.multiplier : NaN;
  if (multiplier > 0 || Number.isNaN(multiplier)) binding.unshift('budget');
  const cur = model.baseline + mediaCur, rec = model.baseline + mediaRec;
  return {
    feasible: true, problem, budget, currentBudget, channels,
    expected: { current: cur, recommended: rec, lift: rec - cur, liftShare: cur !== 0 ? (rec - cur) / Math.abs(cur) : null },
    media: { current: mediaCur, recommended: mediaRec },
    multiplier: Number.isNaN(multiplier) ? 0 : multiplier, binding, method: raw.method, optimalityGap: raw.gap,
  };
}
