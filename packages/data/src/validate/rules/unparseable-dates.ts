import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { parseDate } from '../../read/date.ts';
import { makeIssue } from '../make-issue.ts';
import { dateFormatIssues } from '../date-format-issues.ts';

const DATE_FORMAT_HINT = 'write dates as yyyy-mm-dd (e.g. 2024-01-31); in a spreadsheet, format the column as yyyy-mm-dd before exporting';

/**
 * Rule: every date cell is a real calendar date in a form parseDate reads. Errors per cell:
 * EMPTY_CELL (no date), INVALID_DATE (not a date, or an impossible one such as 2023-02-30); day-month
 * dates (17/01/2024, 03/04/2024) are judged on the whole column (dateFormatIssues: NON_ISO_DATES when a
 * value shows the order, MIXED_DATE_FORMAT for a few such rows among yyyy-mm-dd, else one AMBIGUOUS_DATE).
 * @param csv the parsed cells
 * @param roles resolved roles; nothing is checked without a date column
 * @example unparseableDates(csv, roles)[0] // { code: 'INVALID_DATE', message: '"2023-02-30" is not a real calendar date', at: { row: 5, column: 'date', … } }
 */
export function unparseableDates(csv: CsvTable, roles: RuleRoles): Issue[] {
  const column = roles.date;
  if (column === undefined) return [];
  const j = csv.header.indexOf(column);
  if (j < 0) return [];
  const out: Issue[] = [];
  csv.rows.forEach((r, i) => {
    const at = { file: csv.file, row: csv.rowNumbers[i], column };
    const parsed = parseDate(r[j]);
    if (parsed.ok) return;
    if (parsed.reason === 'empty') {
      out.push(makeIssue('EMPTY_CELL', 'error', 'the date is empty', 'every row needs a date; remove empty rows', at));
    } else if (parsed.reason === 'ambiguous') {
      // Judged on the whole column (dateFormatIssues): the order a value shows, or a row written unlike the rest.
      return;
    } else if (parsed.reason === 'invalid') {
      out.push(makeIssue('INVALID_DATE', 'error', `"${r[j]}" is not a real calendar date`, 'correct the date', at));
    } else {
      out.push(makeIssue('INVALID_DATE', 'error', `"${r[j]}" is not a date`, DATE_FORMAT_HINT, at));
    }
  });
  return [...out, ...dateFormatIssues(csv, column)];
}
