import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { parseDate } from '../../read/date.ts';
import { makeIssue } from '../make-issue.ts';
import { dateFormatIssues } from '../date-format-issues.ts';
import { datePattern } from '../../read/date-pattern.ts';
import { DATE_FORMAT_HINT, unreadableDateColumn } from '../unreadable-date-column.ts';

/**
 * Rule: every date cell is a real calendar date in a form parseDate reads. Errors per cell:
 * EMPTY_CELL (no date), INVALID_DATE (not a date, or an impossible one such as 2023-02-30); day-month
 * dates (17/01/2024, 03/04/2024) are judged on the whole column (dateFormatIssues: NON_ISO_DATES when a
 * value shows the order, MIXED_DATE_FORMAT for a few such rows among yyyy-mm-dd, else one AMBIGUOUS_DATE).
 * A column most of whose values cannot be read is one error (unreadableDateColumn: UNSUPPORTED_DATE_FORMAT
 * naming the pattern, e.g. Excel serial numbers, with the fix); a row in a recognised pattern among
 * readable dates says why it is not read (datePattern).
 * @param csv the parsed cells
 * @param roles resolved roles; nothing is checked without a date column
 * @example unparseableDates(csv, roles)[0] // { code: 'INVALID_DATE', message: '"2023-02-30" is not a real calendar date', at: { row: 5, column: 'date', … } }
 */
export function unparseableDates(csv: CsvTable, roles: RuleRoles): Issue[] {
  const column = roles.date;
  if (column === undefined) return [];
  const j = csv.header.indexOf(column);
  if (j < 0) return [];
  const whole = unreadableDateColumn(csv, column);
  if (whole !== undefined) return [whole, ...dateFormatIssues(csv, column)];
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
      const p = datePattern(r[j]);
      out.push(p === undefined
        ? makeIssue('INVALID_DATE', 'error', `"${r[j]}" is not a date`, DATE_FORMAT_HINT, at)
        : makeIssue('INVALID_DATE', 'error', `"${r[j]}" is not a date Mixwise reads (written as ${p.pattern}): ${p.reason}`,
          `write it as yyyy-mm-dd like the rest of the column: ${p.iso}`, at));
    }
  });
  return [...out, ...dateFormatIssues(csv, column)];
}
