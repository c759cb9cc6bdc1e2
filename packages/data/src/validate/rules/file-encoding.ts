import type { Issue } from '../../issue.ts';
import type { ReadOutcome } from '../read-outcome.ts';
import { readerIssues } from '../reader-issues.ts';

/**
 * Rule: the file is UTF-8 text (a leading BOM is fine), not binary data, a workbook or UTF-16
 * (as the CSV reader found: BINARY_FILE and BAD_ENCODING errors, located on the first bad line).
 * @param read the outcome of readOutcome
 * @example fileEncoding(readOutcome('book.xlsx'))[0].code // 'BINARY_FILE'
 */
export function fileEncoding(read: ReadOutcome): Issue[] {
  return readerIssues(read, ['BINARY_FILE', 'BAD_ENCODING']);
}
