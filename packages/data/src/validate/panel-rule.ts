import type { CsvTable } from '../read/read-csv.ts';
import { isDummyColumn } from '../build/unused-numeric-columns.ts';
import { isControlLike } from '../detect/candidate-controls.ts';
import { nameWords } from '../detect/name-words.ts';
import { isRateLike } from '../detect/rate-name.ts';

/** How a numeric column's rows of one date become one cell when a panel is rolled up. */
export type PanelRule = 'sum' | 'mean' | 'max';

/** The roles panelRule tells apart (CleaningRoles and the validation roles both fit). */
export interface PanelRuleRoles {
  readonly target?: string;
  readonly spend: readonly string[];
  readonly controls: readonly string[];
  readonly events: readonly string[];
}

/**
 * How a numeric column of a panel is combined per date, by what it measures: controls averaged (a price
 * or an index does not add up) unless they are counts that add up over geos (population, households,
 * impressions, clicks: isCountLike, summed), the KPI and spend summed, events and other 0/1 columns by their largest value (an event
 * in any geo counts), a column with no role averaged when it is named like a rate or level
 * (averagedByName: revenue_per_conversion, avg_price, price_index), any other number summed (spend
 * that was not recognised, exposures, population). The one rule of the sum_panel cleaning step, of the
 * roll-up `mixwise init` detects roles on and of the query that the PANEL_DATA hint suggests, so all
 * three give the same series. The mean is plain (each row counts once): weighting by a geo's KPI or
 * spend would need a choice the file does not say.
 * @param table the panel's cells
 * @param roles the columns' roles, as far as known
 * @param column a numeric column of the table
 * @example panelRule(csv, { target: 'y', spend: ['tv_spend'], controls: ['price'], events: [] }, 'price') // 'mean'
 */
export function panelRule(table: CsvTable, roles: PanelRuleRoles, column: string): PanelRule {
  if (roles.controls.includes(column)) return isCountLike(column) ? 'sum' : 'mean';
  if (column === roles.target || roles.spend.includes(column)) return 'sum';
  if (roles.events.includes(column) || isDummyColumn(table, column)) return 'max';
  return averagedByName(column) ? 'mean' : 'sum';
}

/**
 * Whether a number with no role is averaged over a panel's rows because its name marks a rate or a
 * level: a control word (price, index, competitor…: isControlLike) or a rate word (per, avg, rate,
 * share…: isRateLike).
 * @example averagedByName('revenue_per_conversion') // true
 * @example averagedByName('population') // false
 */
export function averagedByName(column: string): boolean {
  return isControlLike(column) || isRateLike(column);
}

/**
 * Words of counts that add up over geos: head counts (the people or homes of a geo add up to the
 * country's) and media exposure (impressions, GRPs, clicks; not reach or frequency, which count the
 * same people again, nor CTR or CPM, which are rates).
 */
const COUNT_WORDS = new Set([
  'population', 'pop', 'household', 'inhabitant', 'resident', 'home',
  'impression', 'imp', 'impr', 'grp', 'trp', 'exposure', 'view', 'click', 'spot', 'insertion',
]);

/**
 * Whether a column counts something that adds up over a panel's geos even as a control: media
 * exposure (impressions, clicks, GRPs) or head counts (population, households),
 * unless its name also marks a rate or level (population_share, avg_household_size).
 * @example isCountLike('population') // true
 * @example isCountLike('Organic_channel0_impression') // true
 * @example isCountLike('population_density') // false
 */
export function isCountLike(column: string): boolean {
  if (averagedByName(column) || nameWords(column).some((w) => w === 'density' || w === 'size')) return false;
  // Robyn marks impressions _I and clicks _P.
  return /_[IP]$/.test(column) || nameWords(column).some((w) => COUNT_WORDS.has(w) || (w.endsWith('s') && COUNT_WORDS.has(w.slice(0, -1))));
}
