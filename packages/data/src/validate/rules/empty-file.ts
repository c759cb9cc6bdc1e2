import type { Issue } from '../../issue.ts';
import type { ReadOutcome } from '../read-outcome.ts';
import { readerIssues } from '../reader-issues.ts';

/**
 * Rule: the file exists, can be read, is not empty and has data rows below its header (as the CSV
 * reader found: FILE_NOT_FOUND, FILE_UNREADABLE, EMPTY_FILE, HEADER_ONLY errors).
 * @param read the outcome of readOutcome
 * @returns the reader's issues with those codes
 * @example emptyFile(readOutcomeFromText('date,y\n', 'x.csv')) // [{ code: 'HEADER_ONLY', at: { file: 'x.csv', row: 1 }, … }]
 */
export function emptyFile(read: ReadOutcome): Issue[] {
  return readerIssues(read, ['FILE_NOT_FOUND', 'FILE_UNREADABLE', 'EMPTY_FILE', 'HEADER_ONLY']);
}
