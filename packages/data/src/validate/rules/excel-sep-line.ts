import type { Issue } from '../../issue.ts';
import type { ReadOutcome } from '../read-outcome.ts';
import { readerIssues } from '../reader-issues.ts';

/**
 * Rule: say that Excel's `sep=;` first line was read as the delimiter directive and skipped (the
 * reader's EXCEL_SEP_LINE warning, see excelSepLine), so the line is never dropped without a word.
 * @param read the outcome of readOutcome
 * @example excelSepLine(readOutcomeFromText('sep=;\ndate;y\n2024-01-01;3\n', 'x.csv'))[0].code // 'EXCEL_SEP_LINE'
 */
export function excelSepLine(read: ReadOutcome): Issue[] {
  return readerIssues(read, ['EXCEL_SEP_LINE']);
}
