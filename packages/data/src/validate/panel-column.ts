import type { CsvTable } from '../read/read-csv.ts';
import { datedRows } from './dated-rows.ts';
import type { Issue } from '../issue.ts';
import type { RuleRoles } from './rule-types.ts';
import { isDummyColumn, isNumericColumn } from '../build/unused-numeric-columns.ts';
import { makeIssue } from './make-issue.ts';

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
 * The PANEL_DATA error for a panel file, with a DuckDB query that rolls it up to one series: the KPI and
 * spend summed, controls averaged, 0/1 events as their maximum. Without roles (e.g. `mixwise init`),
 * every numeric column that is not 0/1 is summed.
 * @param csv the parsed cells
 * @param roles the resolved roles, as far as known
 * @param date the date column
 * @param panel what panelColumn found
 * @returns the issue, located at the panel column
 */
export function panelIssue(csv: CsvTable, roles: RuleRoles, date: string, panel: PanelColumn): Issue {
  const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  const known = [...(roles.target === undefined ? [] : [roles.target]), ...(roles.channels ?? []).map((c) => c.column)];
  const free = csv.header.filter((h) => h !== date && h !== panel.column && !known.includes(h) && !(roles.controls ?? []).includes(h));
  const events = roles.events !== undefined && roles.events.length > 0 ? roles.events : free.filter((h) => isDummyColumn(csv, h));
  const sums = known.length > 0 ? known : free.filter((h) => !events.includes(h) && isNumericColumn(csv, h));
  const parts = [
    ...sums.map((c) => `sum(${q(c)}) AS ${q(c)}`),
    ...(roles.controls ?? []).map((c) => `avg(${q(c)}) AS ${q(c)}`),
    ...events.map((c) => `max(${q(c)}) AS ${q(c)}`),
  ];
  const file = (csv.file ?? 'data.csv').replace(/'/g, "''");
  const shown = panel.values.slice(0, 5).join(', ') + (panel.values.length > 5 ? `, … (${panel.values.length} in all)` : '');
  return makeIssue('PANEL_DATA', 'error',
    `every date has ${panel.values.length} rows, one per value of "${panel.column}" (${shown}): the file is a panel, and a model is fitted to one series with one row per date`,
    `add up the rows of each date into one (spend and the KPI add up; controls average; an event counts when it happens anywhere), e.g. with DuckDB: `
    + `COPY (SELECT ${q(date)}, ${parts.join(', ')} FROM '${file}' GROUP BY ${q(date)} ORDER BY ${q(date)}) TO 'national.csv'; `
    + `or model one ${panel.column} by keeping only its rows`,
    { file: csv.file, column: panel.column });
}
