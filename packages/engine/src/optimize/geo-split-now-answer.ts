import type { MmmModel } from '../model/mmm-model.ts';
import { geoSplitNow, geoSplitNowText, type GeoSplitNow } from './geo-split-now.ts';

/** geoSplitNow with its sentence (geoSplitNowText): the API's `geoSplitNow` as /optimize and /plan answer it. */
export type GeoSplitNowAnswer = GeoSplitNow & { readonly text: string };

/**
 * The one place an answer's `geoSplitNow` is made: POST /api/runs/:id/optimize on the expected curves
 * (`replicates`: the model's replicate models), /plan on the point estimate (none); the dashboard's
 * optimise and plan answers carry the same. `basis` says which curves it is on.
 * @param model the run's model
 * @param replicates the replicate models for the expected curves, none for the point estimate
 * @param referencePeriods the last N periods of the window are "current" (default the whole window), as responseModelFromMmm
 * @returns the figures and the sentence, or null for a national model
 * @example geoSplitNowAnswer(geoModel, [])?.basis // 'point'
 */
export function geoSplitNowAnswer(model: MmmModel, replicates: readonly MmmModel[], referencePeriods?: number): GeoSplitNowAnswer | null {
  const g = geoSplitNow(model, { replicates, ...(referencePeriods === undefined ? {} : { referencePeriods }) });
  return g === null ? null : { ...g, channels: g.channels.map((c) => ({ ...c })), text: geoSplitNowText(g, model.target.name) };
}
