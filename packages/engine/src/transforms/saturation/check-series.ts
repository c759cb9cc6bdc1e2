import { EngineError } from '../../errors.ts';

/**
 * Check that a saturation output buffer matches its input (it may alias it).
 * @throws EngineError('SHAPE_MISMATCH') when the lengths differ
 * @example checkSameLength(x, out, 'hill saturation'); // ok when out.length === x.length
 */
export function checkSameLength(x: Float64Array, out: Float64Array, what: string): void {
  if (out.length !== x.length) {
    throw new EngineError('SHAPE_MISMATCH', `${what}: out has length ${out.length}, x has length ${x.length}`);
  }
}
