import type { CsvTable } from '../read/read-csv.ts';
import { datedRows } from './dated-rows.ts';
import type { Issue } from '../issue.ts';
import type { RuleRoles } from './rule-types.ts';
import { isNumericColumn } from '../build/unused-numeric-columns.ts';
import { makeIssue } from './make-issue.ts';
import { rollUpQuery } from './panel-query.ts';

/** A column that splits every date into several rows: geo, region, product, brand… */
export interface PanelColumn {
  column: string;
  /** Its distinct values, in order of first appearance. */
  values: string[];
}

/**
 * The column that makes a file a panel (one row per date and geo, product…), if there is one: a
 * non-numeric column other than the date such that dates repeat, no (date, value) pair repeats, and
 * every date has the same number of rows. Such a file is not a series with duplicate dates, and
 * saying so beats one DUPLICATE_DATE error per repeated row.
 * @param csv the parsed cells
 * @param dateColumn the date column
 * @returns the first such column in file order, or undefined
 * @example panelColumn(csv, 'date') // { column: 'geo', values: ['geo_a', 'geo_b'] }
 */
export function panelColumn(csv: CsvTable, dateColumn: string): PanelColumn | undefined {
  const dated = datedRows(csv, dateColumn);
  if (dated.length < 2) return undefined;
  const perDate = new Map<number, number[]>();
  for (const d of dated) {
    const rows = perDate.get(d.days);
    if (rows === undefined) perDate.set(d.days, [d.index]);
    else rows.push(d.index);
  }
  const counts = new Set([...perDate.values()].map((r) => r.length));
  if (perDate.size === dated.length || counts.size !== 1) return undefined;
  for (let j = 0; j < csv.header.length; j++) {
    const column = csv.header[j];
    if (column === dateColumn || isNumericColumn(csv, column)) continue;
    const distinct = [...perDate.values()].every((rows) => new Set(rows.map((i) => csv.rows[i][j])).size === rows.length);
    if (distinct) return { column, values: [...new Set(dated.map((d) => csv.rows[d.index][j]))] };
  }
  return undefined;
}

/**
 * The PANEL_DATA error for a panel file, with a DuckDB query that rolls it up to one series and keeps
 * every column of the file (rollUpQuery): the KPI and spend summed, controls averaged, 0/1 events as
 * their maximum, and any other number summed (or averaged when named like a control), saying so.
 * @param csv the parsed cells
 * @param roles the resolved roles, as far as known (none while the dates are first read)
 * @param date the date column
 * @param panel what panelColumn found
 * @returns the issue, located at the panel column
 */
export function panelIssue(csv: CsvTable, roles: RuleRoles, date: string, panel: PanelColumn): Issue {
  const shown = panel.values.slice(0, 5).join(', ') + (panel.values.length > 5 ? `, … (${panel.values.length} in all)` : '');
  return makeIssue('PANEL_DATA', 'error',
    `every date has ${panel.values.length} rows, one per value of "${panel.column}" (${shown}): the file is a panel, and a model is fitted to one series with one row per date`,
    'add up the rows of each date into one (spend and the KPI add up; controls average; an event counts when it happens anywhere), e.g. with DuckDB: '
    + `${rollUpQuery(csv, roles, date, panel.column)}; or model one ${panel.column} by keeping only its rows`,
    { file: csv.file, column: panel.column });
}
