import { EngineError } from '../errors.ts';

/**
 * Internal guard shared by the linear-algebra routines: checks that a dimension is a positive
 * integer and that an array holds exactly the number of entries its stated shape implies.
 * @param array the flat row-major array to check
 * @param length the expected number of entries (e.g. nRows · nCols)
 * @param what a short name for messages, such as `'a [n × n]'`
 * @throws EngineError('SHAPE_MISMATCH') when `array.length !== length`
 * @example assertShape(new Float64Array(4), 4, 'a [2 × 2]') // passes silently
 */
export function assertShape(array: ArrayLike<number>, length: number, what: string): void {
  if (array.length !== length) {
    throw new EngineError('SHAPE_MISMATCH', `${what}: expected ${length} entries, got ${array.length}`);
  }
}

/**
 * Internal guard: a dimension must be a positive integer.
 * @throws EngineError('INVALID_ARGUMENT') otherwise
 * @example assertDimension(3, 'n') // passes silently
 */
export function assertDimension(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new EngineError('INVALID_ARGUMENT', `${what} must be a positive integer, got ${value}`);
  }
}
