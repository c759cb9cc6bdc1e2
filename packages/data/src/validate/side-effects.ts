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
 *   (details.copiedRows, their lines), the DUPLICATE_DATE, UNSORTED_DATES and IRREGULAR_DATES errors on
 *   those lines go too, as the error says so; rows below a later repeated header are checked as usual;
 * - LONG_FORMAT: a long file's spend is one column (`spend`, split by a channel column), so no column
 *   reads as a channel's spend (NO_CHANNELS); pivoting the file, as the error says, gives the
 *   `<channel>_spend` columns (`mixwise init` reports LONG_FORMAT alone too).
 * @param issues every issue found, in any order
 * @returns the issues kept, in their order
 * @example withoutSideEffects([missingTarget, wrongDelimiter]).map((i) => i.code) // ['WRONG_DELIMITER']
 */
export function withoutSideEffects(issues: readonly Issue[]): Issue[] {
  const wrongDelimiter = issues.some((i) => i.code === 'WRONG_DELIMITER');
  const longFormat = issues.some((i) => i.code === 'LONG_FORMAT');
  const headerRows = new Set(issues.filter((i) => i.code === 'REPEATED_HEADER').map((i) => i.at.row));
  // The rows below a repeated header that all copy rows above it: their dates repeat, as the error says.
  const copied = issues.flatMap((i) => (i.details?.copiedRows === undefined ? [] : [i.details.copiedRows]));
  const inCopy = (row: number | undefined): boolean => row !== undefined && copied.some((c) => row >= c.first && row <= c.last);
  return issues.filter((i) => !(wrongDelimiter && COLUMN_ERRORS.has(i.code))
    && !(longFormat && i.code === 'NO_CHANNELS')
    && !(i.code !== 'REPEATED_HEADER' && i.code !== 'STRAY_BOM' && headerRows.has(i.at.row))
    && !(COPY_ERRORS.has(i.code) && inCopy(i.at.row)));
}

/**
 * Whether an issue is the cause of others (WRONG_DELIMITER, REPEATED_HEADER), which runRules lists first.
 * @example isCause({ code: 'WRONG_DELIMITER', … }) // true
 */
export function isCause(issue: Issue): boolean {
  return issue.code === 'WRONG_DELIMITER' || issue.code === 'REPEATED_HEADER';
}
