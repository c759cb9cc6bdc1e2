import type { NumericRole } from '../build/read-numeric-column.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { RuleRoles } from './rule-types.ts';
import { parseTableColumn } from '../read/dot-thousands.ts';

/** A column that must hold numbers, with its role. */
export interface NumericColumnRef {
  column: string;
  role: NumericRole;
}

/**
 * The columns whose every cell must be a number: the target (when known), the spend columns, the
 * controls and the organic media (exposure), in that order. Event columns are left out (they may be categorical text).
 * @param roles resolved roles
 * @param options skipTarget: leave the target out
 * @example numericColumns({ target: 'y', channels: [{ name: 'tv', column: 'tv_spend' }] })
 * // [{ column: 'y', role: 'target' }, { column: 'tv_spend', role: 'spend' }]
 */
export function numericColumns(roles: RuleRoles, options: { skipTarget?: boolean } = {}): NumericColumnRef[] {
  const out: NumericColumnRef[] = [];
  if (roles.target !== undefined && options.skipTarget !== true) out.push({ column: roles.target, role: 'target' });
  for (const c of roles.channels ?? []) out.push({ column: c.column, role: 'spend' });
  for (const c of roles.controls ?? []) out.push({ column: c, role: 'control' });
  for (const c of roles.organic ?? []) out.push({ column: c, role: 'organic' });
  return out;
}

/**
 * A column's values, NaN where a cell is not a usable number (see parseNumber).
 * @param csv the parsed cells
 * @param column a column of csv.header
 * @returns shape [nRows], or undefined when the column is not in the file
 * @example columnValues(csv, 'tv_spend') // Float64Array [100, NaN, 250]
 */
export function columnValues(csv: CsvTable, column: string): Float64Array | undefined {
  const j = csv.header.indexOf(column);
  if (j < 0) return undefined;
  const out = new Float64Array(csv.rows.length);
  parseTableColumn(csv, j).forEach((p, i) => {
    out[i] = p.ok ? p.value : Number.NaN;
  });
  return out;
}
