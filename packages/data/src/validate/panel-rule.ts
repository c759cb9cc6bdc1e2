import type { CsvTable } from '../read/read-csv.ts';
import { isDummyColumn } from '../build/unused-numeric-columns.ts';
import { isControlLike } from '../detect/candidate-controls.ts';
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
 * How a numeric column of a panel is combined per date: controls averaged (a price or an index does
 * not add up), the KPI and spend summed, events and other 0/1 columns by their largest value (an event
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
  if (roles.controls.includes(column)) return 'mean';
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
