import type { Issue } from '../issue.ts';

/** Errors about the columns that a file read with the wrong delimiter (one column) always has. */
const COLUMN_ERRORS: ReadonlySet<string> = new Set(['MISSING_COLUMN', 'NO_DATE_COLUMN', 'NO_CHANNELS']);
/** Errors that rows copying earlier rows raise (their dates repeat, and go back in time). */
const COPY_ERRORS: ReadonlySet<string> = new Set(['DUPLICATE_DATE', 'UNSORTED_DATES', 'IRREGULAR_DATES']);

/**
 * Drops the issues that only follow from a cause already reported (isCause), so the cause is seen alone:
 * - WRONG_DELIMITER: the file was read as one column, so every named column is missing (MISSING_COLUMN),
 *   there is no date column and no spend; fixing the delimiter removes them all;
 * - REPEATED_HEADER: the header's names on that line are not dates or numbers (INVALID_DATE,
 *   NOT_A_NUMBER…): any other issue on that line goes; when the rows below it copy rows above it
 *   (details.copiesBelow), their DUPLICATE_DATE, UNSORTED_DATES and IRREGULAR_DATES errors go too, as the error says so.
 * @param issues every issue found, in any order
 * @returns the issues kept, in their order
 * @example withoutSideEffects([missingTarget, wrongDelimiter]).map((i) => i.code) // ['WRONG_DELIMITER']
 */
export function withoutSideEffects(issues: readonly Issue[]): Issue[] {
  const wrongDelimiter = issues.some((i) => i.code === 'WRONG_DELIMITER');
  const headerRows = new Set(issues.filter((i) => i.code === 'REPEATED_HEADER').map((i) => i.at.row));
  // Rows below a repeated header that all copy rows above it: their dates repeat, as the error says.
  const copiedFrom = Math.min(...issues.filter((i) => i.details?.copiesBelow === true).map((i) => i.at.row ?? Infinity));
  const kept = issues.filter((i) => !(wrongDelimiter && COLUMN_ERRORS.has(i.code))
    && !(i.code !== 'REPEATED_HEADER' && i.code !== 'STRAY_BOM' && headerRows.has(i.at.row))
    && !(COPY_ERRORS.has(i.code) && (i.at.row ?? 0) > copiedFrom));
  return kept;
}

/**
 * Whether an issue is the cause of others (WRONG_DELIMITER, REPEATED_HEADER), which runRules lists first.
 * @example isCause({ code: 'WRONG_DELIMITER', … }) // true
 */
export function isCause(issue: Issue): boolean {
  return issue.code === 'WRONG_DELIMITER' || issue.code === 'REPEATED_HEADER';
}
