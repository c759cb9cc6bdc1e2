import { basename } from 'node:path';
import type { Issue } from '../issue.ts';
import { readOutcome } from '../validate/read-outcome.ts';
import { raggedRows } from '../validate/rules/ragged-rows.ts';

/**
 * The RAGGED_ROW and CSV_SYNTAX errors of source files, found by the plain CSV reader (the
 * raggedRows rule) before DuckDB reads them: on one ragged line (`2022-07-04,geo_a,x1,12,5`, an
 * unquoted decimal comma) DuckDB's sniffer falls back to a single column, and the real problem would
 * surface only as every required column "missing".
 * @param paths the source files (undefined entries are skipped); issues name each by its base name
 * @returns the errors, each at its file line ([] when every file has a regular shape)
 * @example raggedSourceIssues(['spend.csv'])[0].message // 'row has 5 fields but the header has 4'
 */
export function raggedSourceIssues(paths: readonly (string | undefined)[]): Issue[] {
  return paths.flatMap((p) => (p === undefined ? [] : raggedRows(readOutcome(p, { name: basename(p) }))));
}
