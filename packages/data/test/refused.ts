import { DataError } from '../src/issue.ts';

/**
 * The DataError a call throws (any other error is rethrown; no error fails the test).
 * @example refused(() => checkAndClean(read, roles)).issues[0].code
 */
export function refused(run: () => unknown): DataError {
  try {
    run();
  } catch (err) {
    if (err instanceof DataError) return err;
    throw err;
  }
  throw new Error('expected a DataError');
}
