import type { Issue } from '../../issue.ts';
import type { ReadOutcome } from '../read-outcome.ts';
import { readerIssues } from '../reader-issues.ts';

/**
 * Rule: every column has a unique name (as the CSV reader found: EMPTY_HEADER and DUPLICATE_HEADER
 * errors, EMPTY_COLUMN_DROPPED, ROW_INDEX_DROPPED and UNNAMED_COLUMN_DROPPED warnings for nameless columns it ignored, all on row 1).
 * @param read the outcome of readOutcome
 * @example headerNames(readOutcomeFromText('a,a\n1,2\n', 'x.csv'))[0].code // 'DUPLICATE_HEADER'
 */
export function headerNames(read: ReadOutcome): Issue[] {
  return readerIssues(read, ['EMPTY_HEADER', 'DUPLICATE_HEADER', 'EMPTY_COLUMN_DROPPED', 'ROW_INDEX_DROPPED', 'UNNAMED_COLUMN_DROPPED']);
}
