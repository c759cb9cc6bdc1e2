import type { CsvTable } from '../read/read-csv.ts';
import type { Issue } from '../issue.ts';
import type { RuleRoles } from './rule-types.ts';
import { makeIssue } from './make-issue.ts';
import { panelIssue, type PanelColumn } from './panel-column.ts';
import { longFormat, longFormatIssue } from './long-format.ts';
import { duplicatePanelRowIssues } from './panel-duplicates.ts';
import { keyName, perDateText, sumPanelSetting } from './panel-keys.ts';

/**
 * What to tell about a file whose dates repeat because of a panel column (panelColumn), instead of one
 * DUPLICATE_DATE error per repeated row: LONG_FORMAT when the column splits the media rather than the
 * KPI (longFormat: its rows must be pivoted, not added up), PANEL_UNBALANCED for each date that lacks a
 * row for some value of the column (naming the values), otherwise one PANEL_DATA error with the
 * roll-up query; then one DUPLICATE_PANEL_ROW error per row that repeats an earlier row's date and
 * value (panel.duplicates), naming the line of the first.
 * @param csv the parsed cells
 * @param roles the resolved roles, as far as known
 * @param date the date column
 * @param panel what panelColumn found
 * @example panelIssues(csv, roles, 'date', panel).map((i) => i.code) // ['PANEL_UNBALANCED']
 */
export function panelIssues(csv: CsvTable, roles: RuleRoles, date: string, panel: PanelColumn): Issue[] {
  return [...layoutIssues(csv, roles, date, panel), ...duplicatePanelRowIssues(csv.file, date, panel)];
}

/** LONG_FORMAT, PANEL_UNBALANCED per incomplete date, or PANEL_DATA. */
function layoutIssues(csv: CsvTable, roles: RuleRoles, date: string, panel: PanelColumn): Issue[] {
  const long = longFormat(csv, date, panel, roles.target);
  if (long !== undefined) return [longFormatIssue(csv, date, panel, long, roles.target)];
  if (panel.incomplete === undefined) return [panelIssue(csv, roles, date, panel)];
  const n = panel.values.length;
  const shown = panel.values.slice(0, 5).map((v) => `"${v}"`).join(', ') + (n > 5 ? `, … (${n} in all)` : '');
  const step = sumPanelSetting(panel.columns);
  const what = keyName(panel.columns);
  return panel.incomplete.map((d) => makeIssue('PANEL_UNBALANCED', 'error',
    `the file is a panel with a row per ${perDateText(panel.columns)} (${shown}), but the date ${d.date} has no row for ${d.missing.map((v) => `"${v}"`).join(', ')}`,
    `add the missing row (a ${what} with no activity that period still needs a row, with 0 spend), or remove the date's other rows; `
    + `then add up the rows of each date into one (the sum_panel cleaning step: mixwise fit --clean ${step.flag}, or "cleaning: [${step.yaml}]" in mixwise.yaml)`,
    { file: csv.file, row: d.row, column: panel.columns[0] }));
}
