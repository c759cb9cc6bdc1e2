import type { ModelChannel } from '../model/mmm-model.ts';
import { adstockWeights, applyAdstock } from '../transforms/adstock/adstock.ts';
import { channelContribution } from '../model/channel-response.ts';

/**
 * Share of a channel's contribution over rows [start, end) that comes from spend in the same period.
 * Saturation acts on the sum of current spend and carryover, so the split is not additive; each
 * period's contribution is divided in proportion to the adstocked mass, w₀·x_t / A(x)_t being current.
 * @example immediateShare(channel, 0, 156) // 0.35 → 65% of the effect is carryover
 */
export function immediateShare(ch: ModelChannel, start: number, end: number): number {
  const w0 = adstockWeights(ch.adstock, ch.maxLag, true)[0];
  const spend = Float64Array.from(ch.spend);
  const a = applyAdstock(spend, ch.adstock, { maxLag: ch.maxLag, normalised: true });
  const contrib = channelContribution(ch);
  let imm = 0, total = 0;
  for (let t = start; t < end; t++) {
    total += contrib[t];
    if (a[t] > 0) imm += contrib[t] * Math.min(1, (w0 * spend[t]) / a[t]);
  }
  return total > 0 ? imm / total : NaN;
}
