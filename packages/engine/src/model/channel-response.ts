import type { ModelChannel } from './mmm-model.ts';
import { applyAdstock } from '../transforms/adstock/adstock.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';
import { geoEquivalentSpend, splitLikeHistory } from './geo-spend.ts';

/**
 * The parts of a channel that its response depends on: spend history, curve and coefficient, and for
 * a geo-level model its geo split (`panel`, see ModelChannel.panel).
 */
export type ChannelCurve = Pick<ModelChannel, 'adstock' | 'maxLag' | 'saturation' | 'scale' | 'coef' | 'panel'> & { readonly spend: ArrayLike<number> };

/** coef · f(A(spend)[t] / scale), the national formula, into a new array. */
function nationalContribution(ch: ChannelCurve, spend: ArrayLike<number>): Float64Array {
  const a = applyAdstock(Float64Array.from(spend), ch.adstock, { maxLag: ch.maxLag, normalised: true });
  const kernel = getSaturationKernel(ch.saturation.type);
  for (let t = 0; t < a.length; t++) a[t] /= ch.scale;
  kernel.apply(a, ch.saturation, a);
  for (let t = 0; t < a.length; t++) a[t] *= ch.coef;
  return a;
}

/**
 * A channel's contribution per period for a spend series: coef · f(A(spend)[t] / scale).
 *
 * For a geo-level model (`ch.panel` set) it is the sum over geos Σ_g s_g · coef · f(A(x_g / s_g)[t] / scale)
 * (spec/panel.ts). Without `spend` the x_g are the geos' own histories: the fitted contribution. With
 * `spend` (a national what-if: the history with some periods changed, as a lift test's counterfactual)
 * each period's spend is split across geos as the history split it (splitLikeHistory), so a change to
 * some periods changes each geo's spend in those periods in proportion; a constant spend per period
 * split in proportion to the geos' sizes is the national formula, which the planner's curves use directly.
 * @param spend [nTimes] spend in currency units (defaults to the channel's own history)
 * @returns [nTimes] KPI units
 * @example channelContribution(model.channels[0]) // the channel's fitted contribution per period
 */
export function channelContribution(ch: ChannelCurve, spend?: ArrayLike<number>): Float64Array {
  if (ch.panel === undefined) return nationalContribution(ch, spend ?? ch.spend);
  const geos = spend === undefined ? geoEquivalentSpend(ch.panel) : splitLikeHistory(ch.panel, spend);
  const out = new Float64Array(geos[0]?.length ?? 0);
  geos.forEach((x, g) => {
    const c = nationalContribution(ch, x);
    const s = ch.panel!.shares[g];
    for (let t = 0; t < out.length; t++) out[t] += s * c[t];
  });
  return out;
}

/** Σ_{t∈[start,end)} coef · f'(a_t/scale) · w_t/scale for one spend series (see contributionSlope). */
function seriesSlope(ch: ModelChannel, spend: ArrayLike<number>, start: number, end: number): number {
  const a = applyAdstock(Float64Array.from(spend), ch.adstock, { maxLag: ch.maxLag, normalised: true });
  const inWindow = Float64Array.from(spend, (v, t) => (t >= start && t < end ? v : 0));
  const w = applyAdstock(inWindow, ch.adstock, { maxLag: ch.maxLag, normalised: true });
  const kernel = getSaturationKernel(ch.saturation.type);
  let s = 0;
  for (let t = start; t < end; t++) {
    const x = a[t] / ch.scale;
    if (x > 0 && w[t] > 0) s += kernel.derivative(x, ch.saturation) * (w[t] / ch.scale);
  }
  return ch.coef * s;
}

/**
 * Derivative of Σ_{t∈[start,end)} contribution_t with respect to a multiplier m on the spend in rows
 * [start, end) only, at m = 1: Σ coef · f'(a_t/scale) · w_t/scale, where a = A(spend) and w = A(spend
 * with the rows outside [start, end) set to 0) (adstock is linear, so A(x_out + m·x_in) = A(x_out) + m·A(x_in)).
 * Spend before `start` (warm-up rows) is held fixed: its carryover is already paid for and must not be
 * credited to the window's spend, which is what the slope is divided by to give the marginal ROI.
 * For a geo-level model the multiplier scales every geo's window spend: Σ_g s_g · (the same sum on x_g / s_g).
 */
export function contributionSlope(ch: ModelChannel, start: number, end: number): number {
  if (ch.panel === undefined) return seriesSlope(ch, ch.spend, start, end);
  const shares = ch.panel.shares;
  return geoEquivalentSpend(ch.panel).reduce((s, x, g) => s + shares[g] * seriesSlope(ch, x, start, end), 0);
}
