import type { ModelChannel } from '../model/mmm-model.ts';
import { adstockWeights, applyAdstock } from '../transforms/adstock/adstock.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';
import { geoEquivalentSpend } from '../model/geo-spend.ts';

/**
 * Share of a channel's contribution over rows [start, end) that comes from spend in the same period.
 * Saturation acts on the sum of current spend and carryover, so the split is not additive; each
 * period's contribution is divided in proportion to the adstocked mass, w₀·x_t / A(x)_t being current.
 * For a geo-level model each geo's contribution s_g·coef·f(A(x_g/s_g)_t/scale) is split by its own
 * mass (a geo's carryover is its own spend's), then summed: the national share exactly.
 * @example immediateShare(channel, 0, 156) // 0.35 → 65% of the effect is carryover
 */
export function immediateShare(ch: ModelChannel, start: number, end: number): number {
  const w0 = adstockWeights(ch.adstock, ch.maxLag, true)[0];
  const kernel = getSaturationKernel(ch.saturation.type);
  const series = ch.panel === undefined
    ? [{ weight: 1, spend: Float64Array.from(ch.spend) }]
    : geoEquivalentSpend(ch.panel).map((spend, g) => ({ weight: ch.panel!.shares[g], spend }));
  let imm = 0, total = 0;
  for (const { weight, spend } of series) {
    const a = applyAdstock(spend, ch.adstock, { maxLag: ch.maxLag, normalised: true });
    for (let t = start; t < end; t++) {
      const contrib = weight * ch.coef * kernel.value(a[t] / ch.scale, ch.saturation);
      total += contrib;
      if (a[t] > 0) imm += contrib * Math.min(1, (w0 * spend[t]) / a[t]);
    }
  }
  return total > 0 ? imm / total : NaN;
}
