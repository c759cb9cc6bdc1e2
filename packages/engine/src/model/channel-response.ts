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
 * Derivative of Σ_{t∈rows} contribution_t with respect to a multiplier m on the whole spend series, at m = 1:
 * Σ coef · f'(a_t/scale) · a_t/scale (adstock is linear, so A(m·x) = m·A(x)).
 * Divided by the spend in the same rows it is the marginal ROI of scaling the channel up.
 */
export function contributionSlope(ch: ModelChannel, start: number, end: number): number {
  const a = applyAdstock(Float64Array.from(ch.spend), ch.adstock, { maxLag: ch.maxLag, normalised: true });
  const kernel = getSaturationKernel(ch.saturation.type);
  let s = 0;
  for (let t = start; t < end; t++) {
    const x = a[t] / ch.scale;
    if (x > 0) s += kernel.derivative(x, ch.saturation) * x;
  }
  return ch.coef * s;
}
