import { geoSplitGap, referenceRows, responseModelFromMmm } from '@mixwise/engine';
import type { OptimizeContext } from './optimize-context.ts';
import type { GeoSplitNow } from './optimize-output.ts';

/**
 * A geo-level model's current spend at the two geo splits (engine geoSplitGap): the plan's curves
 * assume a split by KPI share, but the current budget runs at the channels' historical split over the
 * reference periods, which the model predicts gives less (or more). On the curves the plan uses: the
 * replicates' mean when it optimises the expected KPI, else the point estimate. null for a national model.
 */
export function geoSplitNow(ctx: OptimizeContext): GeoSplitNow | null {
  const { model, request } = ctx;
  if (model.panel === undefined) return null;
  const rm = responseModelFromMmm(model, { referencePeriods: request.referencePeriods, current: request.current });
  const spend = Object.fromEntries(rm.channels.map((c) => [c.name, c.current]));
  const replicates = request.uncertainty === 'expected' ? ctx.replicates : [];
  const r = geoSplitGap(model, spend, { rows: referenceRows(model, request.referencePeriods), replicates });
  if (r === null) return null;
  return {
    basis: r.basis, kpi: rm.baseline + r.historical, proportional: r.proportional, historical: r.historical, gap: r.gap,
    channels: r.channels.map((c) => ({ channel: c.channel, current: c.spend, proportional: c.proportional, historical: c.historical, gap: c.gap })),
  };
}
