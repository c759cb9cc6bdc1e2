import type { Issue } from '../../issue.ts';
import type { ReadOutcome } from '../read-outcome.ts';
import { readerIssues } from '../reader-issues.ts';

/**
 * Rule: every row has as many fields as the header and the quoting is valid (as the CSV reader
 * found: RAGGED_ROW and CSV_SYNTAX errors, each on its file line; MIXED_LINE_ENDINGS at the first line
 * whose ending differs, since CRLF and LF lines in one file misalign the rows).
 * @param read the outcome of readOutcome
 * @example raggedRows(readOutcomeFromText('a,b\n1,2\n3\n', 'x.csv')) // [{ code: 'RAGGED_ROW', at: { file: 'x.csv', row: 3 }, … }]
 */
export function raggedRows(read: ReadOutcome): Issue[] {
  return readerIssues(read, ['RAGGED_ROW', 'CSV_SYNTAX', 'MIXED_LINE_ENDINGS']);
}
