import type { DataError } from '@mixwise/data';
import { ApiHttpError } from './api-http-error.ts';
import { withoutPaths } from './without-paths.ts';

/**
 * A data-layer refusal that reached the error handler (a run's model.json that cannot be read, …) as a
 * 422 naming files by their base names, never the server's folders.
 */
export function dataErrorAnswer(err: DataError): ApiHttpError {
  const issues = err.issues.map((i) => ({
    code: i.code, severity: i.severity, message: withoutPaths(i.message), hint: withoutPaths(i.hint),
    at: { ...(i.at.file === undefined ? {} : { file: withoutPaths(` ${i.at.file}`) }), ...(i.at.row === undefined ? {} : { row: i.at.row }), ...(i.at.column === undefined ? {} : { column: i.at.column }) },
  }));
  return new ApiHttpError('INVALID_DATA', issues[0]?.message ?? withoutPaths(err.message), issues);
}
