import { geoSplitNow, geoSplitNowText, replicateModels, type MmmModel } from '@mixwise/engine';

/**
 * On a geo-level run, what the current spend gives at today's split across geos against the split by
 * KPI share that the recommendation, the optimiser and the plans assume: the engine's geoSplitNowText
 * (the same sentence as `mixwise optimize`, the report and the API's geoSplitNow), on the curves the
 * page predicts with (the mean over the bootstrap replicates; the point estimate without them).
 * @param model the run's model (its `panel` marks a geo-level run)
 * @returns the sentence with the numbers and the gap, or null for a national run
 * @example geoSplitNowNote(geoModel)?.text // 'At the current split across geos, the current spend is predicted to give … which no plan here moves.'
 */
export function geoSplitNowNote(model: MmmModel): { text: string; gap: number } | null {
  if (model.panel === undefined) return null;
  const g = geoSplitNow(model, { replicates: replicateModels(model) });
  return g === null ? null : { text: geoSplitNowText(g, model.target.name), gap: g.gap };
}
