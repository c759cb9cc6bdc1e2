import type { CsvTable } from '../read/read-csv.ts';
import type { RolesIn } from '../detect/role-hints.ts';
import { parseNumber } from '../read/parse-number.ts';
import { isInsertedRow } from '../clean/inserted-rows.ts';

/**
 * Whether a column's empty cells are all in periods fill_gaps inserted (and it has at least one):
 * its values are complete in the user's file, and fill_gaps left the inserted periods' cells empty.
 * @example emptyOnlyInInserted(filled, 'price') // true when price is empty in the inserted weeks only
 */
export function emptyOnlyInInserted(csv: CsvTable, column: string): boolean {
  const j = csv.header.indexOf(column);
  if (j < 0) return false;
  let any = false;
  for (let i = 0; i < csv.rows.length; i++) {
    if (parseNumber(csv.rows[i][j], csv.delimiter).ok) continue;
    if (!isInsertedRow(csv, i)) return false;
    any = true;
  }
  return any;
}

/** Why an automatic control was left out when its only empty cells are in inserted periods. */
export const EMPTY_IN_INSERTED = 'empty in the periods fill_gaps inserted';

/**
 * The fix for controls left out because fill_gaps left them empty in the periods it inserted: add
 * impute_controls, which interpolates them (as a `--clean` step, or a `cleaning:` entry of mixwise.yaml).
 * @param columns the columns empty in inserted periods only
 * @param rolesIn where the user sets the roles (and so the cleaning): the command line or the config
 * @example insertedControlsHint(['price'], 'flags')
 * // 'to use price as a control, add impute_controls to the cleaning steps (--clean fill_gaps,…,impute_controls): it interpolates its value in the periods fill_gaps inserted'
 */
export function insertedControlsHint(columns: readonly string[], rolesIn: RolesIn): string {
  const where = rolesIn === 'config' ? 'cleaning: in mixwise.yaml' : '--clean fill_gaps,…,impute_controls';
  const them = columns.length > 1 ? 'their values' : 'its value';
  return `to use ${columns.join(', ')} as ${columns.length > 1 ? 'controls' : 'a control'}, add impute_controls to the cleaning steps (${where}): it interpolates ${them} in the periods fill_gaps inserted`;
}
