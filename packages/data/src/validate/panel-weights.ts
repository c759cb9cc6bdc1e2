import type { CsvTable } from '../read/read-csv.ts';
import { parseNumber } from '../read/parse-number.ts';
import { nameWords } from '../detect/name-words.ts';
import { isNumericColumn } from '../build/unused-numeric-columns.ts';
import { isCountLike, panelRule, type PanelRule, type PanelRuleRoles } from './panel-rule.ts';
import { panelKey } from './panel-keys.ts';

/**
 * How a numeric column of a panel becomes one cell per date: the rule (panelRule) and, for a mean,
 * the column whose values weight the rows (none: each row counts once).
 */
export interface PanelCombination {
  rule: PanelRule;
  /** The weight column of a weighted mean: the population for a control, the reach for a frequency. */
  weight?: string;
}

/** Words naming a geo's head count: the weight of a control averaged over geos (Meridian's `population`). */
const POPULATION_WORDS = new Set(['population', 'pop']);

/**
 * The population column of a panel, if it has one: a column named like a population (population,
 * pop, geo_population; not population_share or population_density: isCountLike) that is neither the
 * KPI, spend nor an event, whose every cell is a positive number, the same on every row of a geo (a
 * trait of the geo, not a measure that moves over time). A control averaged over geos is then
 * weighted by it, as Meridian's national files are built from its geo files: a big geo's sentiment
 * counts for more people than a small one's. The first such column in file order.
 * @param table the panel's cells
 * @param roles the columns' roles, as far as known (an automatic control may be the population)
 * @param keys the panel's key columns (geo; or geo and product)
 * @param date the date column
 * @example populationColumn(meridianGeo, roles, ['geo'], 'time') // 'population'
 */
export function populationColumn(table: CsvTable, roles: PanelRuleRoles, keys: readonly string[], date: string): string | undefined {
  const keyIndices = keys.map((k) => table.header.indexOf(k));
  if (keyIndices.some((j) => j < 0)) return undefined;
  const taken = new Set([date, ...keys, ...(roles.target === undefined ? [] : [roles.target]), ...roles.spend, ...roles.events]);
  return table.header.find((h) => !taken.has(h) && isPopulationNamed(h) && isNumericColumn(table, h) && constantPerKey(table, h, keyIndices));
}

/**
 * Whether a column is named like a head count that can weight geos.
 * @example isPopulationNamed('population') // true
 * @example isPopulationNamed('population_share') // false
 */
export function isPopulationNamed(column: string): boolean {
  return isCountLike(column) && nameWords(column).some((w) => POPULATION_WORDS.has(w) || (w.endsWith('s') && POPULATION_WORDS.has(w.slice(0, -1))));
}

/** Every cell a positive number, one value per panel key. */
function constantPerKey(table: CsvTable, column: string, keyIndices: readonly number[]): boolean {
  const j = table.header.indexOf(column);
  const byKey = new Map<string, number>();
  for (const row of table.rows) {
    const p = parseNumber(row[j] ?? '', table.delimiter);
    if (!p.ok || !(p.value > 0) || !Number.isFinite(p.value)) return false;
    const key = panelKey(row, keyIndices);
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, p.value);
    else if (seen !== p.value) return false;
  }
  return byKey.size > 0;
}

/**
 * Whether a column is named as an average frequency (Meridian's `Channel3_frequency`): impressions per
 * person reached, which neither adds up over geos nor averages plainly (a geo that reached nobody has
 * frequency 0 and must not pull the mean down).
 * @example isFrequencyNamed('Channel3_frequency') // true
 */
export function isFrequencyNamed(column: string): boolean {
  const last = nameWords(column).at(-1);
  return last === 'frequency' || last === 'freq';
}

/**
 * The reach column beside a frequency column (`X_reach` for `X_frequency`, any separator or case),
 * when the table has it as a number: the frequency of a sum of geos is then Σ(reach × frequency) ÷ Σ
 * reach, the total impressions over the total reach, i.e. the reach-weighted mean.
 * @example reachColumn(rf, 'Channel3_frequency') // 'Channel3_reach'
 */
export function reachColumn(table: CsvTable, column: string): string | undefined {
  if (!isFrequencyNamed(column)) return undefined;
  const stem = (h: string): string => h.replace(/(frequency|freq|reach)$/i, '').toLowerCase();
  return table.header.find((h) => h !== column && nameWords(h).at(-1) === 'reach' && stem(h) === stem(column) && isNumericColumn(table, h));
}

/**
 * How a numeric column of a panel is combined per date: panelRule's rule; the population column
 * itself summed (a country's population is the sum of its geos'); a frequency with a reach column
 * weighted by that reach; any other control averaged with the population as the weight when the panel
 * has one (populationColumn), plainly otherwise. Columns averaged for their name only (a
 * revenue_per_conversion with no role) stay plain means, as in Meridian's national files. The one rule
 * of sum_panel and of the PANEL_DATA hint's query, so both give the same series.
 * @param table the panel's cells
 * @param roles the columns' roles
 * @param column a numeric column
 * @param population the panel's population column, if any
 * @example panelCombination(csv, roles, 'sentiment_score_control', 'population') // { rule: 'mean', weight: 'population' }
 */
export function panelCombination(table: CsvTable, roles: PanelRuleRoles, column: string, population: string | undefined): PanelCombination {
  if (column === population) return { rule: 'sum' };
  const rule = panelRule(table, roles, column);
  if (rule !== 'mean') return { rule };
  const reach = reachColumn(table, column);
  if (reach !== undefined) return { rule, weight: reach };
  if (population !== undefined && roles.controls.includes(column)) return { rule, weight: population };
  return { rule };
}
