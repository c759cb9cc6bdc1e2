import type { Issue } from '../issue.ts';
import type { ReadOutcome } from '../validate/read-outcome.ts';
import type { ValidationRoles } from '../validate/rule-types.ts';
import { DataError } from '../issue.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { resolveRuleRoles } from '../validate/resolve-rule-roles.ts';
import { raggedLineDate } from './ragged-line-date.ts';

/**
 * A file the reader refused only for ragged rows (RAGGED_ROW: a line with too few or too many
 * fields), read again without the ragged rows dated after a modeling window's end: those rows are
 * ignored like any other row after the end, so they cannot stop the run. A ragged row's date is read
 * wherever the date column is, when it can be told whichever field is missing or extra
 * (raggedLineDate). Any other ragged row keeps the file refused: its RAGGED_ROW error (file line,
 * fields found and expected) then says why the row was not ignored (dated inside the window, or its
 * date cannot be told, and why), and the ragged rows after the end are not reported (they are
 * ignored once the others are fixed). The date column is the one the roles name or the one detected
 * on the well-formed rows.
 * Unchanged without an end, when the file was read, or when the reader found anything but ragged rows.
 * @param read the file as readOutcome read it
 * @param roles column roles (for the date column)
 * @param end last date of the window, yyyy-mm-dd
 * @returns the outcome (with its cells when every ragged row was after the end) and the file lines left out
 * @example withoutRaggedAfter(readOutcome('d.csv'), { target: 'sales' }, '2024-06-24').ignored // [32]
 */
export function withoutRaggedAfter(read: ReadOutcome, roles: ValidationRoles, end: string | undefined): { read: ReadOutcome; ignored: number[] } {
  const unchanged = { read, ignored: [] };
  if (end === undefined || read.csv !== undefined || read.text === undefined) return unchanged;
  const errors = read.issues.filter((i) => i.severity === 'error');
  if (errors.length === 0 || errors.some((i) => i.code !== 'RAGGED_ROW')) return unchanged;
  const kept = new Map<number, string>();
  try {
    const wellFormed = parseCsvText(read.text, read.file, { skipRagged: () => true });
    const date = resolveRuleRoles(wellFormed, roles).date;
    if (date === undefined) return unchanged;
    const ignored: number[] = [];
    const csv = parseCsvText(read.text, read.file, {
      skipRagged: (cells, header, line) => {
        const d = raggedLineDate(cells, header, date);
        if (d.ok && d.iso > end) {
          ignored.push(line);
          return true;
        }
        kept.set(line, d.ok ? `dated ${d.iso}, inside the window that ends ${end}, so it is used`
          : `it is not ignored as a row after the window's end ${end}: its date cannot be told (${d.why})`);
        return false;
      },
    });
    return { read: { ...read, csv, issues: csv.warnings }, ignored };
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    if (kept.size === 0) return unchanged;
    const issues = read.issues.filter((i) => i.code !== 'RAGGED_ROW' || (i.at.row !== undefined && kept.has(i.at.row)))
      .map((i) => (i.code === 'RAGGED_ROW' && i.at.row !== undefined ? explained(i, kept.get(i.at.row) ?? '') : i));
    return { read: { ...read, issues }, ignored: [] };
  }
}

/** A RAGGED_ROW error that says why its row was not ignored as one after the window's end. */
function explained(issue: Issue, why: string): Issue {
  return { ...issue, message: `${issue.message}; ${why}`, hint: `${issue.hint}; or delete the line if its period is not needed` };
}
