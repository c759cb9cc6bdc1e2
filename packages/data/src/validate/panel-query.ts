import type { CsvTable } from '../read/read-csv.ts';
import type { RuleRoles } from './rule-types.ts';
import type { PanelRule } from './panel-rule.ts';
import { averagedByName, panelRule } from './panel-rule.ts';
import { isDummyColumn, isNumericColumn } from '../build/unused-numeric-columns.ts';

const SQL_OF: Readonly<Record<PanelRule, string>> = { sum: 'sum', mean: 'avg', max: 'max' };

/**
 * A DuckDB statement that rolls a panel file up to one row per date, for the PANEL_DATA hint, with
 * what a reader must know about it. Every column of the file is kept, in file order, combined as the
 * sum_panel step combines it (panelRule): the KPI and spend summed, controls averaged, events and
 * other 0/1 columns by their largest value. A number whose role is not known is averaged when it is
 * named like a rate or level (a price, an index, a value per conversion: averagedByName) and summed
 * otherwise, and the note names it: spend that
 * was not recognised must not drop out of the file. A text column cannot be combined and is named as
 * left out. Only the date and the panel column itself are not selected.
 * @param csv the panel's cells
 * @param roles the resolved roles, as far as known (none while the dates are first read)
 * @param date the date column
 * @param panel the panel column (geo, product…)
 * @returns the statement, followed by the note in parentheses when there is one
 * @example rollUpQuery(csv, { target: 'y' }, 'date', 'geo')
 * // `COPY (SELECT "date", sum("x1") AS "x1", sum("y") AS "y" FROM 'd.csv' GROUP BY "date" ORDER BY "date") TO 'national.csv' ("x1" has no role here, …)`
 */
export function rollUpQuery(csv: CsvTable, roles: RuleRoles, date: string, panel: string): string {
  const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  const spend = (roles.channels ?? []).map((c) => c.column);
  const given = new Set([...(roles.target === undefined ? [] : [roles.target]), ...spend, ...(roles.controls ?? []), ...(roles.events ?? [])]);
  const others = csv.header.filter((h) => h !== date && h !== panel && !given.has(h));
  const text = others.filter((h) => !isNumericColumn(csv, h));
  const guessed = others.filter((h) => !text.includes(h) && !isDummyColumn(csv, h));
  const controlLike = guessed.filter(averagedByName);
  const unknown = guessed.filter((h) => !averagedByName(h));
  const rules = { target: roles.target, spend, controls: roles.controls ?? [], events: roles.events ?? [] };
  const parts = csv.header.filter((h) => h !== date && h !== panel && !text.includes(h))
    .map((h) => `${SQL_OF[panelRule(csv, rules, h)]}(${q(h)}) AS ${q(h)}`);
  const file = (csv.file ?? 'data.csv').replace(/'/g, "''");
  const one = (names: readonly string[], singular: string, plural: string): string => (names.length === 1 ? singular : plural);
  const notes = [
    ...(unknown.length > 0 ? [`${listed(unknown)} ${one(unknown, 'has', 'have')} no role here, so ${one(unknown, 'it is', 'they are')} summed like spend: use avg() for a control such as a price`] : []),
    ...(controlLike.length > 0 ? [`${listed(controlLike)} ${one(controlLike, 'is', 'are')} averaged: ${one(controlLike, 'it is', 'they are')} named like a rate or level, which does not add up`] : []),
    ...(text.length > 0 ? [`the text ${one(text, 'column', 'columns')} ${listed(text)} ${one(text, 'is', 'are')} left out: text does not add up`] : []),
  ];
  return `COPY (SELECT ${q(date)}, ${parts.join(', ')} FROM '${file}' GROUP BY ${q(date)} ORDER BY ${q(date)}) TO 'national.csv'`
    + (notes.length > 0 ? ` (${notes.join('; ')})` : '');
}

/** Column names quoted and joined: "a", "b" and "c". */
function listed(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
