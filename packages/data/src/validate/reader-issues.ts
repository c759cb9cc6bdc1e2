import type { Issue } from '../issue.ts';
import type { DataIssueCode } from '../issue-codes.ts';
import type { ReadOutcome } from './read-outcome.ts';

/**
 * The reader's issues with the given codes: the shared body of the rules that expose what the CSV
 * reader detects (encoding, binary data, ragged rows, header problems).
 * @param read the outcome of readOutcome
 * @param codes the codes to keep
 * @example readerIssues(readOutcomeFromText('', 'x.csv'), ['EMPTY_FILE']).length // 1
 */
export function readerIssues(read: ReadOutcome, codes: readonly DataIssueCode[]): Issue[] {
  return read.issues.filter((i) => (codes as readonly string[]).includes(i.code));
}
