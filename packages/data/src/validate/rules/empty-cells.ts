import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { parseNumber } from '../../read/parse-number.ts';
import { describeFailure } from '../../build/read-numeric-column.ts';
import { numericColumns } from '../numeric-columns.ts';
import { makeIssue } from '../make-issue.ts';

/**
 * Rule: no empty, NA-like (NA, N/A, #N/A, null, none, -) or NaN/Infinity cell in the target, spend
 * and control columns. One EMPTY_CELL or NON_FINITE error per cell, column by column in row order.
 * (Empty dates are reported by unparseableDates.)
 * @param csv the parsed cells
 * @param roles resolved roles; without a target, only spends and controls are checked
 * @example emptyCells(csv, roles)[0] // { code: 'EMPTY_CELL', message: 'the target value is empty', at: { file: 'd.csv', row: 3, column: 'sales' }, … }
 */
export function emptyCells(csv: CsvTable, roles: RuleRoles): Issue[] {
  const out: Issue[] = [];
  for (const { column, role } of numericColumns(roles)) {
    const j = csv.header.indexOf(column);
    if (j < 0) continue;
    csv.rows.forEach((r, i) => {
      const p = parseNumber(r[j], csv.delimiter);
      if (p.ok || (p.reason !== 'empty' && p.reason !== 'missing' && p.reason !== 'non-finite')) return;
      const [code, message, hint] = describeFailure(p.reason, r[j], role);
      out.push(makeIssue(code, 'error', message, hint, { file: csv.file, row: csv.rowNumbers[i], column }));
    });
  }
  return out;
}
