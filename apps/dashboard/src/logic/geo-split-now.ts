import { curveBasisText, type DrawSource, type GeoSplitNowAnswer } from '@mixwise/engine';

/** What a page shows of an answer's geoSplitNow: its sentence with the curves it is on, and the gap. */
export interface GeoSplitNowNote {
  readonly text: string;
  readonly gap: number;
  readonly basis: GeoSplitNowAnswer['basis'];
}

/**
 * On a geo-level run, what the current spend gives at today's split across geos against the split by
 * KPI share (or size-column share) that the recommendation, the optimiser and the plans assume: the
 * `geoSplitNow` an optimise or plan answer carries (engine geoSplitNowAnswer, the API's own, so the
 * page never recomputes it), its sentence followed by the curves it is on — the replicates' mean for
 * optimise, the point estimate for a plan.
 * @param g the answer's geoSplitNow (absent or null on a national run)
 * @param replicates the replicates the model stores (modelReplicates), for the curves' wording
 * @param source what the replicates are (engine drawSource)
 * @returns the note, or null without a geoSplitNow
 * @example geoSplitNowNote(answer.geoSplitNow, 100, 'bootstrap')?.text // 'At the current split across geos, … which no plan here moves. Curves: expected over 100 bootstrap replicates.'
 */
export function geoSplitNowNote(g: GeoSplitNowAnswer | null | undefined, replicates: number, source: DrawSource): GeoSplitNowNote | null {
  if (g === null || g === undefined) return null;
  return { text: `${g.text} Curves: ${curveBasisText(g.basis, replicates, source)}.`, gap: g.gap, basis: g.basis };
}
