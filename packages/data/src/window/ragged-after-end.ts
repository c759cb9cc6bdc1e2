import type { ReadOutcome } from '../validate/read-outcome.ts';
import type { ValidationRoles } from '../validate/rule-types.ts';
import { DataError } from '../issue.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { parseDate } from '../read/date.ts';
import { resolveRuleRoles } from '../validate/resolve-rule-roles.ts';

/**
 * A file the reader refused only for ragged rows (RAGGED_ROW: a line with too few or too many
 * fields), read again without the ragged rows dated after a modeling window's end: those rows are
 * ignored like any other row after the end, so they cannot stop the run. A ragged row's date is read
 * only when its line reaches the date column and that cell is a date; any other ragged row (inside
 * the window, or whose date cannot be read) keeps the file refused, unchanged. The date column is
 * the one the roles name or the one detected on the well-formed rows.
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
  try {
    const wellFormed = parseCsvText(read.text, read.file, { skipRagged: () => true });
    const date = resolveRuleRoles(wellFormed, roles).date;
    if (date === undefined) return unchanged;
    const ignored: number[] = [];
    const csv = parseCsvText(read.text, read.file, {
      skipRagged: (cells, header, line) => {
        const j = header.indexOf(date);
        const p = j < 0 || j >= cells.length ? undefined : parseDate(cells[j]);
        if (p === undefined || !p.ok || p.iso <= end) return false;
        ignored.push(line);
        return true;
      },
    });
    return { read: { ...read, csv, issues: csv.warnings }, ignored };
  } catch (err) {
    if (err instanceof DataError) return unchanged;
    throw err;
  }
}
