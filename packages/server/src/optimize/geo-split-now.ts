import { geoSplitNowAnswer, type MmmModel } from '@mixwise/engine';
import type { GeoSplitNowBody } from '@mixwise/contracts';

/**
 * The answer's `geoSplitNow` on a geo-level model (engine geoSplitNowAnswer, which the dashboard's
 * answers carry too), as `mixwise optimize`'s geo_split_now with its sentence: current spend (over the
 * whole window, as the API's "current") at today's split across geos against the split by KPI share (or
 * size-column share) the answer assumes; nothing for a national model.
 * @param model the run's model
 * @param replicates the replicate models when the answer is on their mean curves (/optimize), none for the point estimate (/plan)
 * @param referencePeriods the request's: "current" over the last N modeled periods (default the whole window)
 * @example geoSplitNowOf(geoModel, [])?.geoSplitNow.gap // KPI per period the model credits to re-splitting
 */
export function geoSplitNowOf(model: MmmModel, replicates: readonly MmmModel[], referencePeriods?: number): { geoSplitNow?: GeoSplitNowBody } {
  const g = geoSplitNowAnswer(model, replicates, referencePeriods);
  return g === null ? {} : { geoSplitNow: { ...g, channels: g.channels.map((c) => ({ ...c })) } };
}
