import type { ModelChannel } from './mmm-model.ts';
import { applyAdstock } from '../transforms/adstock/adstock.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';

/** The parts of a channel that its response depends on: spend history, curve and coefficient. */
export type ChannelCurve = Pick<ModelChannel, 'adstock' | 'maxLag' | 'saturation' | 'scale' | 'coef'> & { readonly spend: ArrayLike<number> };

/**
 * A channel's contribution per period for a spend series: coef · f(A(spend)[t] / scale).
 * @param spend [nTimes] spend in currency units (defaults to the channel's own history)
 * @returns [nTimes] KPI units
 * @example channelContribution(model.channels[0]) // the channel's fitted contribution per period
 */
export function channelContribution(ch: ChannelCurve, spend: ArrayLike<number> = ch.spend): Float64Array {
  const a = applyAdstock(Float64Array.from(spend), ch.adstock, { maxLag: ch.maxLag, normalised: true });
  const kernel = getSaturationKernel(ch.saturation.type);
  for (let t = 0; t < a.length; t++) a[t] /= ch.scale;
  kernel.apply(a, ch.saturation, a);
  for (let t = 0; t < a.length; t++) a[t] *= ch.coef;
  return a;
}

/**
 * Derivative of Σ_{t∈[start,end)} contribution_t with respect to a multiplier m on the spend in rows
 * [start, end) only, at m = 1: Σ coef · f'(a_t/scale) · w_t/scale, where a = A(spend) and w = A(spend
 * with the rows outside [start, end) set to 0) (adstock is linear, so A(x_out + m·x_in) = A(x_out) + m·A(x_in)).
 * Spend before `start` (warm-up rows) is held fixed: its carryover is already paid for and must not be
 * credited to the window's spend, which is what the slope is divided by to give the marginal ROI.
 */
export function contributionSlope(ch: ModelChannel, start: number, end: number): number {
  const a = applyAdstock(Float64Array.from(ch.spend), ch.adstock, { maxLag: ch.maxLag, normalised: true });
  const inWindow = Float64Array.from(ch.spend, (v, t) => (t >= start && t < end ? v : 0));
  const w = applyAdstock(inWindow, ch.adstock, { maxLag: ch.maxLag, normalised: true });
  const kernel = getSaturationKernel(ch.saturation.type);
  let s = 0;
  for (let t = start; t < end; t++) {
    const x = a[t] / ch.scale;
    if (x > 0 && w[t] > 0) s += kernel.derivative(x, ch.saturation) * (w[t] / ch.scale);
  }
  return ch.coef * s;
}
