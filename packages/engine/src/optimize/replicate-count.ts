import { EngineError } from '../errors.ts';
import type { ResponseModel } from './types.ts';

/**
 * How many replicate curves (bootstrap replicates or posterior draws) a response model carries: the
 * number of `components` every channel has (responseModelFromMmm with uncertainty 'expected'); 0 when
 * the channels carry none (their curves are then the point estimate) or there are no channels.
 * @param model a response model
 * @returns the common number of components per channel
 * @throws EngineError INVALID_ARGUMENT when the channels carry different numbers of components
 * @example replicateCount(responseModelFromMmm(model, { uncertainty: 'expected' })) // 100
 */
export function replicateCount(model: Pick<ResponseModel, 'channels'>): number {
  const n = model.channels[0]?.components?.length ?? 0;
  for (const ch of model.channels) {
    const k = ch.components?.length ?? 0;
    if (k !== n) throw new EngineError('INVALID_ARGUMENT', `channel ${ch.name} has ${k} replicate curves, expected ${n} (every channel must carry the same number of components)`);
  }
  return n;
}
