import type { ModelChannel } from '../model/mmm-model.ts';
import { channelContribution, type ChannelCurve } from '../model/channel-response.ts';
import { channelRoi } from '../analysis/channel-roi.ts';

/**
 * A channel's national contribution per period as the fit computes it: for a geo-level channel
 * (ch.panel) Σ_g s_g · coef · f(A(spend_g / s_g)[t] / scale) (spec/panel.ts), otherwise
 * channelContribution. The fit's own ROIs (posterior choice, recentring, the bootstrap, the Pareto
 * alternatives) go through this, so they do not depend on channelContribution's panel branch (the model
 * code's, which computes the same sum); each geo is passed to channelContribution without `panel`.
 * @example mediaContribution(candidateChannels(problem, fit)[0]) // [nTimes] KPI units
 */
export function mediaContribution(ch: ChannelCurve & { readonly panel?: ModelChannel['panel'] }): Float64Array {
  const { panel, ...curve } = ch;
  if (panel === undefined) return channelContribution(curve);
  const out = new Float64Array(curve.spend.length);
  panel.spend.forEach((x, g) => {
    const s = panel.shares[g];
    const c = channelContribution(curve, Float64Array.from(x, (v) => v / s));
    for (let t = 0; t < out.length; t++) out[t] += s * c[t];
  });
  return out;
}

/**
 * A channel's ROI over rows [start, end) with mediaContribution: channelRoi for a national channel;
 * Σ contribution / Σ national spend for a geo-level one (for a channel on exposure the spend-equivalent
 * exposure, whose sum over the modeling window is the actual spend's: panelMediaInput).
 * @example mediaRoi(candidateChannels(problem, fit)[0], 0, 156) // e.g. 2.4
 */
export function mediaRoi(ch: ModelChannel, start: number, end: number): number {
  if (ch.panel === undefined) return channelRoi(ch, start, end);
  const contrib = mediaContribution(ch);
  let c = 0, s = 0;
  for (let t = start; t < end; t++) { c += contrib[t]; s += ch.spend[t]; }
  return s > 0 ? c / s : NaN;
}
