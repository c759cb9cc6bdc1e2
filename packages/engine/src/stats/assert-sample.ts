import { EngineError } from '../errors.ts';

/**
 * Internal guard for the statistics functions: a sample must hold at least `min` values.
 * @throws EngineError('INVALID_ARGUMENT') otherwise
 * @example assertMinLength([1, 2], 2, 'variance') // passes silently
 */
export function assertMinLength(values: ArrayLike<number>, min: number, what: string): void {
  if (values.length < min) {
    throw new EngineError('INVALID_ARGUMENT', `${what} needs at least ${min} values, got ${values.length}`);
  }
}

/**
 * Internal guard: paired samples (actual vs predicted, x vs y) must be non-empty and equally long.
 * @throws EngineError('SHAPE_MISMATCH') when the lengths differ
 * @throws EngineError('INVALID_ARGUMENT') when they are empty
 * @example assertPaired([1, 2], [1, 3], 'rmse') // passes silently
 */
export function assertPaired(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  if (a.length !== b.length) {
    throw new EngineError('SHAPE_MISMATCH', `${what}: lengths differ (${a.length} vs ${b.length})`);
  }
  assertMinLength(a, 1, what);
}
