import { basename } from 'node:path';
import type { Issue } from '../issue.ts';
import { readOutcome, type ReadOutcome } from '../validate/read-outcome.ts';
import { raggedRows } from '../validate/rules/ragged-rows.ts';
import { dotThousandsRows } from '../read/dot-thousands.ts';
import { describeFailure } from '../build/read-numeric-column.ts';
import { makeIssue } from '../validate/make-issue.ts';
import type { CsvTable } from '../read/read-csv.ts';

/**
 * The shape errors of source files, found by the plain CSV reader before DuckDB reads them:
 * - MIXED_LINE_ENDINGS (the reader's, through raggedRows): CRLF and LF lines in one file make DuckDB's
 *   sniffer fail (an internal error) or read a row of hundreds of fields;
 * - RAGGED_ROW and CSV_SYNTAX (the raggedRows rule): on one ragged line (`2022-07-04,geo_a,x1,12,5`,
 *   an unquoted decimal comma) DuckDB's sniffer falls back to a single column, and the real problem
 *   would surface only as every required column "missing";
 * - DOT_THOUSANDS (dotThousandsRows): DuckDB reads a European `9.388` as the decimal 9.388, 1000× too
 *   small, without a word.
 * @param paths the source files (undefined entries are skipped; a file already read is given as its ReadOutcome); issues name each by its base name
 * @returns the errors, each at its file line and column ([] when every file reads cleanly)
 * @example raggedSourceIssues(['spend.csv'])[0].message // 'row has 5 fields but the header has 4'
 */
export function raggedSourceIssues(paths: readonly (string | ReadOutcome | undefined)[]): Issue[] {
  return paths.flatMap((p) => {
    if (p === undefined) return [];
    const read = typeof p === 'string' ? readOutcome(p, { name: basename(p) }) : p;
    const ragged = raggedRows(read);
    return ragged.length > 0 || read.csv === undefined ? ragged : dotThousandsIssues(read.csv);
  });
}

/** One DOT_THOUSANDS error per cell of any column that uses '.' to group thousands. */
function dotThousandsIssues(csv: CsvTable): Issue[] {
  return csv.header.flatMap((column, j) => {
    const cells = csv.rows.map((r) => r[j] ?? '');
    return [...dotThousandsRows(cells, csv.delimiter)].map((i) => {
      const [code, message, hint] = describeFailure('dot-thousands', cells[i], 'spend');
      return makeIssue(code, 'error', message, hint, { file: csv.file, row: csv.rowNumbers[i], column });
    });
  });
}
