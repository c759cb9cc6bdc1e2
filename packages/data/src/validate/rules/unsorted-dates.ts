import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { datedRows } from '../dated-rows.ts';
import { makeIssue } from '../make-issue.ts';
import { panelColumn } from '../panel-column.ts';
import { panelDatesIncrease } from '../panel-order.ts';

/**
 * Rule: dates increase down the file. One UNSORTED_DATES error at the first row whose date is earlier
 * than the row before it, counting the other places that go back in time. Unreadable dates are skipped.
 * A panel (panelColumn: PANEL_DATA) whose rows are sorted by panel value and then by date, each geo's
 * own dates increasing, is in order: no error (a repeated panel row is left out, DUPLICATE_PANEL_ROW
 * names it); a panel whose geo goes back in time still gets the error.
 * @param csv the parsed cells
 * @param roles resolved roles; nothing is checked without a date column
 * @example unsortedDates(csv, roles)[0].message // 'dates are not in increasing order: 2024-02-19 comes after 2024-02-26 (row 8)'
 */
export function unsortedDates(csv: CsvTable, roles: RuleRoles): Issue[] {
  if (roles.date === undefined) return [];
  const dates = datedRows(csv, roles.date);
  let first = -1;
  let nBack = 0;
  for (let k = 1; k < dates.length; k++) {
    if (dates[k].days >= dates[k - 1].days) continue;
    nBack++;
    if (first < 0) first = k;
  }
  if (first < 0) return [];
  const panel = panelColumn(csv, roles.date);
  if (panel !== undefined && panelDatesIncrease(csv, roles.date, panel)) return [];
  const others = nBack > 1 ? ` (${nBack} places in the file go back in time)` : '';
  return [makeIssue('UNSORTED_DATES', 'error',
    `dates are not in increasing order: ${dates[first].iso} comes after ${dates[first - 1].iso} (row ${dates[first - 1].row})${others}`,
    'sort the rows by date, oldest first; Mixwise does not reorder data silently',
    { file: csv.file, row: dates[first].row, column: roles.date })];
}
