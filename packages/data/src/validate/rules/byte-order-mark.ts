import type { Issue } from '../../issue.ts';
import type { ReadOutcome } from '../read-outcome.ts';
import { makeIssue } from '../make-issue.ts';

/**
 * Rule: no byte-order mark (U+FEFF, invisible in most editors) after the start of the file. A BOM at
 * the very start is normal (Excel's "CSV UTF-8") and removed by the reader, so CRLF + BOM files just
 * work; one further on usually means two exports were pasted together (check for a repeated header
 * or overlapping dates). The reader ignores it, so each is a STRAY_BOM warning on its line (at most
 * one per line). UTF-16 files are fileEncoding's.
 * @param read the outcome of readOutcome (its decoded text)
 * @example byteOrderMark(readOutcomeFromText('date,y\n2024-01-01,3\n\uFEFF2024-01-08,4\n', 'x.csv'))[0].at.row // 3
 */
export function byteOrderMark(read: ReadOutcome): Issue[] {
  const text = read.text;
  if (text === undefined) return [];
  const out: Issue[] = [];
  let line = 1;
  let lastReported = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    if (ch !== 0xfeff || line === lastReported) continue;
    lastReported = line;
    out.push(makeIssue('STRAY_BOM', 'warning', `line ${line} contains an invisible byte-order mark (U+FEFF); it was ignored`,
      'two exports may have been pasted together here: check for a repeated header or overlapping dates, and remove the character',
      { file: read.file, row: line }));
  }
  return out;
}
