import { geoSplitNow as engineGeoSplitNow, type GeoSplitNow as EngineGeoSplitNow } from '@mixwise/engine';
import type { OptimizeContext } from './optimize-context.ts';
import type { GeoSplitNow } from './optimize-output.ts';

/**
 * A geo-level model's current spend at the two geo splits (engine geoSplitNow): the plan's curves
 * assume a split by KPI share (or by the size column's share), but the current budget runs at the channels' historical split over the
 * reference periods, which the model predicts gives less (or more). On the curves the plan uses: the
 * replicates' mean when it optimises the expected KPI, else the point estimate. null for a national model.
 */
export function geoSplitNow(ctx: OptimizeContext): GeoSplitNow | null {
  const { model, request } = ctx;
  const g = engineGeoSplitNow(model, {
    ...(request.referencePeriods === undefined ? {} : { referencePeriods: request.referencePeriods }),
    ...(request.current === undefined ? {} : { current: request.current }),
    replicates: request.uncertainty === 'expected' ? ctx.replicates : [],
  });
  if (g === null) return null;
  const { sizeColumn, ...rest } = g;
  return { ...rest, ...(sizeColumn === undefined ? {} : { size_column: sizeColumn }) };
}

/**
 * optimization.json's geo_split_now as the engine's texts take it (`size_column` → `sizeColumn`).
 * @example geoSplitNowOfFile({ ...g, size_column: 'population' }).sizeColumn // 'population'
 */
export function geoSplitNowOfFile(g: GeoSplitNow): Omit<EngineGeoSplitNow, 'basis' | 'channels'> {
  return { kpi: g.kpi, proportional: g.proportional, historical: g.historical, gap: g.gap, ...(g.size_column === undefined ? {} : { sizeColumn: g.size_column }) };
}
