import { gapClause, type BasisGap } from './basis-gap.ts';
import { curveBasisText, replicateCount, storedReplicateCount, type CurveBasis, type DrawSource, type MmmModel, type ResponseModel } from '@mixwise/engine';

/** Which response curves a figure uses: the engine's wording, shared with the CLI and the report. */
export type { CurveBasis };
export { curveBasisText };

/** The replicates a response model averages (0 when it carries none: then its curves are the point estimate). */
export function expectedReplicates(rm: ResponseModel): number {
  return replicateCount(rm);
}

/** The replicates a fitted model stores (as replicateModels counts them, without copying the model). */
export function modelReplicates(model: MmmModel): number {
  return storedReplicateCount(model);
}

/**
 * The note a page or table shows: which curves it uses and which the other pages use, and, when
 * measured, how far their figures at current spend differ (a gap of 2× is not "a little").
 * @param gap largestGap(point figures, expected figures) at current spend; null when not measured
 * @example curveNote('point', 100, 'bootstrap', gap) // "Curves: the fitted model's point estimate. The simulator and the recommendation use the mean of the replicate curves (expected over 100 bootstrap replicates), so figures for the same spend differ between them, by up to 2.2× (tv mROI: 0.43 point estimate, 0.96 expected) at current spend."
 */
export function curveNote(basis: CurveBasis, replicates: number, source: DrawSource, gap: BasisGap | null = null): string {
  if (replicates === 0) return `Curves: ${curveBasisText('expected', 0, source)}.`;
  const other = basis === 'point'
    ? `The simulator and the recommendation use the mean of the replicate curves (${curveBasisText('expected', replicates, source)})`
    : "The explorer's response curves and the flighted plan use the fitted model's point estimate";
  const size = gap === null ? '' : ` ${gapClause(gap, ['point estimate', 'expected'])} at current spend`;
  return `Curves: ${curveBasisText(basis, replicates, source)}. ${other}, so figures for the same spend differ between them${size === '' ? '' : ','}${size}.`;
}
