import type { ObjectiveWeights } from '../../spec/model-spec.ts';

/**
 * The scalarised objective that steers the search and ranks candidates: Σ wₖ·objectiveₖ over
 * [nrmseTrain, nrmseValidation, decompRssd, mapeLift], skipping objectives that are NaN (no
 * validation rows, no lift tests). Lower is better.
 * @example scalarScore(new Float64Array([0.05, 0.08, 0.3, NaN]), 0, { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 }) // 0.13
 */
export function scalarScore(objectives: ArrayLike<number>, offset: number, w: ObjectiveWeights): number {
  const o0 = objectives[offset], o1 = objectives[offset + 1], o2 = objectives[offset + 2], o3 = objectives[offset + 3];
  let s = w.nrmseTrain * o0;
  if (!Number.isNaN(o1)) s += w.nrmseValidation * o1;
  if (!Number.isNaN(o2) && w.decompRssd !== 0) s += w.decompRssd * o2;
  if (!Number.isNaN(o3) && w.mapeLift !== 0) s += w.mapeLift * o3;
  return s;
}
