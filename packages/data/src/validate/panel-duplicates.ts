import type { Issue } from '../issue.ts';
import type { PanelDuplicate } from './panel-column.ts';
import { makeIssue } from './make-issue.ts';
import { keyColumnsText } from './panel-keys.ts';

/** Who reports a repeated panel row: validation (the file as it is), or the sum_panel step that refuses to add it. */
export type DuplicateReporter = 'validate' | 'sum_panel';

/**
 * The DUPLICATE_PANEL_ROW error for a row of a panel that repeats an earlier row's date and panel
 * value (the geo, product…; its geo × product key for several key columns), located at the repeat's
 * file line and the (first) panel column, naming the
 * value, the date and the line of the first row, and the fix: remove the copy, or add the two rows up
 * into one. Adding up the rows of each date would count both (sum_panel refuses such a date).
 * @param file the file name, for the location
 * @param date the date column
 * @param columns the panel's key columns (geo; or geo and product)
 * @param dup the repeated row (panelColumn's `duplicates`)
 * @param by validation, or the sum_panel step (its messages start with "sum_panel: ")
 * @example duplicatePanelRowIssue('geo.csv', 'time', ['geo'], { date: '2021-03-15', value: 'Geo0', row: 314, firstRow: 9 }).message
 * // 'Geo0 on 2021-03-15 already appears on line 9: the panel has one row per "time" and "geo", and this row repeats that pair'
 */
export function duplicatePanelRowIssue(file: string | undefined, date: string, columns: readonly string[], dup: PanelDuplicate, by: DuplicateReporter = 'validate'): Issue {
  const what = `${dup.value} on ${dup.date} already appears on line ${dup.firstRow}`;
  const message = by === 'sum_panel'
    ? `sum_panel: ${what} (columns ${keyColumnsText([...columns, date])}), so the total of ${dup.date} would count ${dup.value} twice`
    : `${what}: the panel has one row per ${keyColumnsText([date, ...columns])}, and this row repeats ${columns.length === 1 ? 'that pair' : 'them'}`;
  const tail = by === 'sum_panel' ? 'sum_panel refuses to add up a date with two rows for one value'
    : 'as it stands, adding up the rows of each date would count both (the sum_panel cleaning step refuses the date)';
  return makeIssue('DUPLICATE_PANEL_ROW', 'error', message,
    `remove this row if it is a copy of line ${dup.firstRow}, or add the two rows up into one if each holds part of ${dup.value}'s figures for ${dup.date}; ${tail}`,
    { file, row: dup.row, column: columns[0] });
}

/**
 * One DUPLICATE_PANEL_ROW error per repeated row of a panel (none when no row repeats); a caller
 * that collects issues caps a long list (IssueCollector: "and N more …").
 * @param file the file name, for the locations
 * @param date the date column
 * @param panel the panel's key columns and its repeated rows (panelColumn)
 * @example duplicatePanelRowIssues('geo.csv', 'time', { columns: ['geo'], duplicates: [dup] }).map((i) => i.at.row) // [314]
 */
export function duplicatePanelRowIssues(file: string | undefined, date: string, panel: { columns: readonly string[]; duplicates?: readonly PanelDuplicate[] }): Issue[] {
  return (panel.duplicates ?? []).map((dup) => duplicatePanelRowIssue(file, date, panel.columns, dup));
}
