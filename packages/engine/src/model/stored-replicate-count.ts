import type { MmmModel } from './mmm-model.ts';

/**
 * How many replicates (bootstrap replicates or posterior draws) a fitted model stores, counted as
 * replicateModels counts them but without copying the model: its replicate curves (bootstrapCurves)
 * when it has any, else its replicate ROIs (bootstrapRoi), counting only the replicates with one
 * entry per channel.
 * @param model a fitted model
 * @returns replicateModels(model).length (0 when the model has none)
 * @example storedReplicateCount(model) // 100
 */
export function storedReplicateCount(model: Pick<MmmModel, 'channels' | 'bootstrapCurves' | 'bootstrapRoi'>): number {
  const nC = model.channels.length;
  const curves = model.bootstrapCurves;
  const reps: readonly (readonly unknown[])[] = curves && curves.length > 0 ? curves : model.bootstrapRoi;
  let n = 0;
  for (const rep of reps) if (rep.length === nC) n++;
  return n;
}
