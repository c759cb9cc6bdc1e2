import type { Issue } from '../issue.ts';
import { makeIssue } from '../validate/make-issue.ts';

/**
 * A MIXED_LINE_ENDINGS error when a file's lines end in more than one way (Windows CRLF and Unix LF,
 * e.g. a CRLF export with rows appended by another tool): DuckDB's CSV sniffer then fails or reads the
 * file as one long row. Line endings inside quoted fields are skipped.
 * @param text the decoded file text
 * @param file the name used in the issue
 * @returns the error at the first line whose ending differs from line 1's, or undefined
 * @example mixedLineEndings('a,b\r\n1,2\r\n3,4\n', 'kpi.csv')?.at.row // 3
 */
export function mixedLineEndings(text: string, file: string): Issue | undefined {
  let first: string | undefined;
  let line = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    if (quoted || (c !== '\n' && c !== '\r')) continue;
    const ending = c === '\r' ? (text[i + 1] === '\n' ? 'CRLF' : 'CR') : 'LF';
    if (ending === 'CRLF') i++;
    if (first === undefined) first = ending;
    else if (ending !== first) {
      return makeIssue('MIXED_LINE_ENDINGS', 'error',
        `this line ends with ${ending} while the lines before it end with ${first}: the file mixes line endings (often rows appended by another tool)`,
        `save the file with one kind of line ending, e.g. dos2unix ${file} (or unix2dos), or re-export it in one go`,
        { file, row: line });
    }
    line++;
  }
  return undefined;
}
