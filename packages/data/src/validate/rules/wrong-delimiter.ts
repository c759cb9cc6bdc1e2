import type { Issue } from '../../issue.ts';
import type { ReadOutcome } from '../read-outcome.ts';
import { makeIssue } from '../make-issue.ts';
import { sepDirective } from '../../read/excel-sep-line.ts';
import { CSV_DELIMITERS } from '../../read/detect-delimiter.ts';

/** Delimiters seen in exports that Mixwise does not read. */
const OTHER_DELIMITERS = ['|', '^', '~', ':'] as const;

/**
 * Rule: the file uses a delimiter Mixwise reads (comma, semicolon or tab; see detectDelimiter). A
 * file read as a single column whose header contains one of `|` `^` `~` `:` at least once, and every
 * data row the same number of times, was written with that delimiter: a WRONG_DELIMITER error on
 * the header's line (line 2 after Excel's `sep=` line). A `sep=X` first line naming a delimiter
 * Mixwise does not read (`sep=|`; excelSepLine reads only comma, semicolon and tab) is a
 * WRONG_DELIMITER error on line 1 that names it. (The reader's RAGGED_ROW errors, reported by
 * raggedRows, often have the same cause.)
 * @param read the outcome of readOutcome
 * @example wrongDelimiter(readOutcomeFromText('date|y\n2024-01-01|3\n', 'x.csv'))[0].code // 'WRONG_DELIMITER'
 */
export function wrongDelimiter(read: ReadOutcome): Issue[] {
  const sep = read.text === undefined ? undefined : sepDirective(read.text);
  if (sep !== undefined && !CSV_DELIMITERS.some((d) => d === sep.char) && !/[\p{L}\p{N}_]/u.test(sep.char)) {
    return [makeIssue('WRONG_DELIMITER', 'error',
      `line 1 "${sep.line}" is Excel's delimiter directive naming "${sep.char}", a delimiter Mixwise does not read (so the line was read as the header)`,
      'save the file with commas (or semicolons or tabs) between the values, without the sep= line', { file: read.file, row: 1 })];
  }
  const csv = read.csv;
  if (csv === undefined || csv.header.length !== 1) return [];
  const header = csv.header[0];
  for (const d of OTHER_DELIMITERS) {
    const n = count(header, d);
    if (n === 0 || !csv.rows.every((r) => count(r[0], d) === n)) continue;
    return [makeIssue('WRONG_DELIMITER', 'error',
      `the file seems to use "${d}" as delimiter (the header "${header}" was read as one column)`,
      'save the file with commas (or semicolons or tabs) between the values', { file: csv.file, row: csv.headerLine ?? 1 })];
  }
  return [];
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}
