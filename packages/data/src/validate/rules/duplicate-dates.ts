import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { datedRows } from '../dated-rows.ts';
import { makeIssue } from '../make-issue.ts';
import { panelColumn } from '../panel-column.ts';
import { panelIssues } from '../panel-issues.ts';
import { duplicateDateHint } from '../duplicate-date-hint.ts';

/**
 * Rule: each date appears once. One DUPLICATE_DATE error on every repeat, naming the row where the
 * date first appears; the fix tells an exact copy (delete it) from a differing row (duplicateDateHint). Unreadable dates are skipped (see unparseableDates). A panel (every date split
 * into rows by a column such as geo; panelColumn) is one PANEL_DATA error instead, whose fix is the
 * query that sums it to one national series; or PANEL_UNBALANCED per date that lacks a geo's row, or
 * LONG_FORMAT for one row per date and channel; plus DUPLICATE_PANEL_ROW per row that repeats a
 * date's geo (a few such rows leave the file a panel) (panelIssues).
 * @param csv the parsed cells
 * @param roles resolved roles; nothing is checked without a date column
 * @example duplicateDates(csv, roles)[0].message // 'the date 2024-01-29 already appears on row 5'
 */
export function duplicateDates(csv: CsvTable, roles: RuleRoles): Issue[] {
  if (roles.date === undefined) return [];
  const column = roles.date;
  const firstIndex = new Map<number, number>();
  const out: Issue[] = [];
  for (const d of datedRows(csv, column)) {
    const seen = firstIndex.get(d.days);
    if (seen === undefined) {
      firstIndex.set(d.days, d.index);
      continue;
    }
    out.push(makeIssue('DUPLICATE_DATE', 'error', `the date ${d.iso} already appears on row ${csv.rowNumbers[seen]}`,
      duplicateDateHint(csv, seen, d.index), { file: csv.file, row: d.row, column }));
  }
  // Only a file with repeated dates can be a panel; saying so replaces one error per repeat.
  const panel = out.length > 0 ? panelColumn(csv, column) : undefined;
  return panel === undefined ? out : panelIssues(csv, roles, column, panel);
}
