import type { Issue } from '../../issue.ts';
import type { ReadOutcome } from '../read-outcome.ts';
import { makeIssue } from '../make-issue.ts';

/** A cell as compared with the header: trimmed (a stray byte-order mark too), lower-case. */
function key(cell: string | undefined): string {
  return (cell ?? '').replace(/\uFEFF/g, '').trim().toLowerCase();
}

/**
 * Rule: no data row repeats the header (its cells equal the header's names, trimmed and ignoring
 * case and a byte-order mark): two exports pasted together. One REPEATED_HEADER error per such line,
 * instead of its "not a date" and "not a number" errors (withoutSideEffects drops them). When every
 * row from there to the next repeat (or the end) is a copy of a row above, the message says so and
 * the issue records their lines (`details.copiedRows`), so their DUPLICATE_DATE errors are dropped as side effects too.
 * @param read the outcome of readOutcome
 * @example repeatedHeader(readOutcomeFromText('date,y\n2024-01-01,3\ndate,y\n2024-01-01,3\n', 'x.csv'))[0].message
 * // 'line 3 repeats the header: two files pasted together? (the 1 row below it copies rows above it)'
 */
export function repeatedHeader(read: ReadOutcome): Issue[] {
  const csv = read.csv;
  if (csv === undefined) return [];
  const header = csv.header.map(key).join('\u0000');
  const repeats = csv.rows.flatMap((r, i) => (r.map(key).join('\u0000') === header ? [i] : []));
  const seen = new Set<string>();
  const out: Issue[] = [];
  let next = 0;
  csv.rows.forEach((r, i) => {
    if (i !== repeats[next]) {
      seen.add(r.join('\u0000'));
      return;
    }
    next++;
    const below = csv.rows.slice(i + 1, repeats[next] ?? csv.rows.length);
    const copies = below.length > 0 && below.every((b) => seen.has(b.join('\u0000')));
    const line = csv.rowNumbers[i];
    const after = copies ? ` (the ${below.length} row${below.length === 1 ? '' : 's'} below it cop${below.length === 1 ? 'ies a row' : 'y rows'} above it)` : '';
    const issue = makeIssue('REPEATED_HEADER', 'error', `line ${line} repeats the header: two files pasted together?${after}`,
      copies
        ? `delete line ${line} and the ${below.length} copied row${below.length === 1 ? '' : 's'} below it (lines ${line + 1}–${csv.rowNumbers[i + below.length]}), which repeat periods already in the file`
        : `delete line ${line}; then check that the rows below it do not repeat periods above it (DUPLICATE_DATE) and are in date order`,
      { file: csv.file, row: line });
    out.push(copies ? { ...issue, details: { copiedRows: { first: csv.rowNumbers[i + 1], last: csv.rowNumbers[i + below.length] } } } : issue);
  });
  return out;
}
