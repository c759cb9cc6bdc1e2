import { listText } from '@mixwise/engine';
import type { CsvTable } from '../read/read-csv.ts';
import type { RuleRoles } from './rule-types.ts';
import type { PanelRule } from './panel-rule.ts';
import { isCountLike } from './panel-rule.ts';
import { isFrequencyNamed, panelCombination, populationColumn, type PanelCombination } from './panel-weights.ts';
import { isNumericColumn } from '../build/unused-numeric-columns.ts';
import { panelRollUpRoles } from '../clean/cleaning-roles.ts';
import { keyName } from './panel-keys.ts';
import { sqlName, sqlString } from './duckdb-hint.ts';

const SQL_OF: Readonly<Record<PanelRule, string>> = { sum: 'sum', mean: 'avg', max: 'max' };

/**
 * A DuckDB statement that rolls a panel file up to one row per date, for the PANEL_DATA hint, with
 * what a reader must know about it. Every column of the file is kept, in file order, combined as the
 * sum_panel step run before a fit combines it: the same roles (panelRollUpRoles: the controls and events
 * a fit takes from the file when none are given) and the same rule (panelRule): the KPI and spend
 * summed, controls averaged unless they are counts (population, impressions), events and other 0/1
 * columns by their largest value; with a population column (populationColumn) a control is its
 * population-weighted mean, sum(x × population) / sum(population), and a frequency with a reach column
 * its reach-weighted mean (panelCombination). A number whose role is not known is averaged when it is
 * named like a rate or level (a price, an index, a value per conversion: averagedByName) and summed
 * otherwise, and the note names it: spend that
 * was not recognised must not drop out of the file. A text column cannot be combined and is named as
 * left out. Only the date and the panel's key columns (geo; or geo and product) are not selected.
 * @param csv the panel's cells
 * @param roles the resolved roles, as far as known (none while the dates are first read)
 * @param date the date column
 * @param keys the panel's key columns (geo; or geo and product…)
 * @returns the statement, followed by the note in parentheses when there is one
 * @example rollUpQuery(csv, { target: 'y' }, 'date', ['geo'])
 * // `COPY (SELECT "date", sum("x1") AS "x1", sum("y") AS "y" FROM 'd.csv' GROUP BY "date" ORDER BY "date") TO 'national.csv' ("x1" has no role here, …)`
 */
export function rollUpQuery(csv: CsvTable, roles: RuleRoles, date: string, keys: readonly string[]): string {
  // The roles sum_panel would combine the columns by before a fit (automatic controls and events included).
  const rules = panelRollUpRoles(csv, roles.requested ?? {}, roles, date);
  const givenControls = new Set(roles.controls ?? []);
  const given = new Set([...(rules.target === undefined ? [] : [rules.target]), ...rules.spend, ...rules.controls, ...rules.events]);
  const columns = csv.header.filter((h) => h !== date && !keys.includes(h));
  const text = columns.filter((h) => !given.has(h) && !isNumericColumn(csv, h));
  const population = populationColumn(csv, rules, keys, date);
  const combined = columns.filter((h) => !text.includes(h)).map((h) => ({ column: h, ...panelCombination(csv, rules, h, population) }));
  const parts = combined.map((c) => `${sqlOf(c.column, c, population)} AS ${sqlName(c.column)}`);
  const byPopulation = combined.filter((c) => population !== undefined && c.weight === population).map((c) => c.column);
  const frequencies = combined.filter((c) => c.rule === 'mean' && isFrequencyNamed(c.column));
  const measured = new Set([rules.target, ...rules.spend]);
  const counts = combined.filter((c) => c.rule === 'sum' && !measured.has(c.column) && c.column !== population && isCountLike(c.column)).map((c) => c.column);
  const noRole = combined.filter((c) => !given.has(c.column) && c.rule !== 'max' && !counts.includes(c.column) && c.column !== population && !isFrequencyNamed(c.column));
  const unknown = noRole.filter((c) => c.rule === 'sum').map((c) => c.column);
  const controlLike = noRole.filter((c) => c.rule === 'mean').map((c) => c.column);
  // Counts get their own note below; a column constant once combined (population) is then no control at all.
  const autoControls = rules.controls.filter((c) => !givenControls.has(c) && !counts.includes(c) && c !== population && !keys.includes(c));
  const one = (names: readonly string[], singular: string, plural: string): string => (names.length === 1 ? singular : plural);
  const notes = [
    ...(autoControls.length > 0 ? [`${listed(autoControls)} ${one(autoControls, 'is', 'are')} combined as ${one(autoControls, 'a control', 'controls')}, the role a fit without --controls gives ${one(autoControls, 'it', 'them')} (AUTO_CONTROLS; one that is constant once combined is left out of the model)`] : []),
    ...(population === undefined ? [] : [`"${population}" is the population of each ${keyName(keys)}: summed (the same total on every date, left out of the model as constant)${byPopulation.length > 0 ? `, and the weight of the averaged ${one(byPopulation, 'control', 'controls')} ${listed(byPopulation)}, as Meridian's national files are built` : ''}`]),
    ...frequencies.map((c) => (c.weight === undefined
      ? `"${c.column}" is a frequency averaged plainly, which is approximate: no reach column to weight it by`
      : `"${c.column}" is a frequency: total impressions over total reach, the mean weighted by "${c.weight}"`)),
    ...(counts.length > 0 ? [`${listed(counts)} ${one(counts, 'is a count', 'are counts')} (people, impressions, clicks) that ${one(counts, 'adds', 'add')} up over the ${keyName(keys)} rows: summed (a count that is the same total on every date, such as a population, is then left out of the model as constant)`] : []),
    ...(unknown.length > 0 ? [`${listed(unknown)} ${one(unknown, 'has', 'have')} no role here, so ${one(unknown, 'it is', 'they are')} summed like spend: use avg() for a control such as a price`] : []),
    ...(controlLike.length > 0 ? [`${listed(controlLike)} ${one(controlLike, 'is', 'are')} averaged: ${one(controlLike, 'it is', 'they are')} named like a rate or level, which does not add up`] : []),
    ...(text.length > 0 ? [`the text ${one(text, 'column', 'columns')} ${listed(text)} ${one(text, 'is', 'are')} left out: text does not add up`] : []),
  ];
  return `COPY (SELECT ${sqlName(date)}, ${parts.join(', ')} FROM ${sqlString(csv.file ?? 'data.csv')} GROUP BY ${sqlName(date)} ORDER BY ${sqlName(date)}) TO 'national.csv'`
    + (notes.length > 0 ? ` (${notes.join('; ')})` : '');
}

/**
 * The SQL of one column's roll-up: sum/avg/max, or a weighted mean, sum(x × w) / sum(w); for a weight
 * other than the population (a reach, which may be 0 in every geo) the plain mean when the weights add up to 0.
 */
function sqlOf(column: string, how: PanelCombination, population: string | undefined): string {
  const x = sqlName(column);
  if (how.weight === undefined) return `${SQL_OF[how.rule]}(${x})`;
  const w = sqlName(how.weight);
  return how.weight === population ? `sum(${x} * ${w}) / sum(${w})` : `coalesce(sum(${x} * ${w}) / nullif(sum(${w}), 0), avg(${x}))`;
}

/** Column names quoted and joined: "a", "b" and "c". */
function listed(names: readonly string[]): string {
  return listText(names.map((n) => `"${n}"`));
}
