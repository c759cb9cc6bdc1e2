import { geoSplitText, type MmmModel } from '@mixwise/engine';

/**
 * What a budget or plan on a geo-level run assumes about geos, as a sentence for the page: the
 * engine's geoSplitText (the same words as `mixwise optimize` and the API's `geoSplit`), capitalised
 * and closed with a full stop. The planner optimises the national curve, exact only for that split.
 * @param model the run's model (its `panel` marks a geo-level run)
 * @returns the sentence, or null for a national run (nothing to say)
 * @example geoSplitNote(geoModel) // "Geo-level model (3 values of region): each channel's budget is taken as split … between geos."
 */
export function geoSplitNote(model: Pick<MmmModel, 'panel'>): string | null {
  const text = geoSplitText(model);
  return text === null ? null : `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
