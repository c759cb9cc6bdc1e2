import type { CsvTable } from '../read/read-csv.ts';
import { isDummyColumn } from '../build/unused-numeric-columns.ts';

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
 * in any geo counts), any other number summed. The one rule of the sum_panel cleaning step and of the
 * query that the PANEL_DATA hint suggests, so both give the same series.
 * @param table the panel's cells
 * @param roles the columns' roles, as far as known
 * @param column a numeric column of the table
 * @example panelRule(csv, { target: 'y', spend: ['tv_spend'], controls: ['price'], events: [] }, 'price') // 'mean'
 */
export function panelRule(table: CsvTable, roles: PanelRuleRoles, column: string): PanelRule {
  if (roles.controls.includes(column)) return 'mean';
  if (column === roles.target || roles.spend.includes(column)) return 'sum';
  return roles.events.includes(column) || isDummyColumn(table, column) ? 'max' : 'sum';
}
