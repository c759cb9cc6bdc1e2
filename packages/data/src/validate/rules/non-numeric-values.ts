import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { parseNumber } from '../../read/parse-number.ts';
import { describeFailure } from '../../build/read-numeric-column.ts';
import { numericColumns } from '../numeric-columns.ts';
import { makeIssue } from '../make-issue.ts';

/**
 * Rule: every filled cell of the target, spend and control columns is a plain number (see
 * parseNumber). One error per cell naming the value: NOT_A_NUMBER (text, or thousands separators in a
 * comma file), CURRENCY_SYMBOL, PERCENT_VALUE or DECIMAL_COMMA. Empty and NaN cells are left to emptyCells.
 * @param csv the parsed cells
 * @param roles resolved roles; without a target, only spends and controls are checked
 * @example nonNumericValues(csv, roles)[0].message // 'value "abc" is not a number'
 */
export function nonNumericValues(csv: CsvTable, roles: RuleRoles): Issue[] {
  const out: Issue[] = [];
  for (const { column, role } of numericColumns(roles)) {
    const j = csv.header.indexOf(column);
    if (j < 0) continue;
    csv.rows.forEach((r, i) => {
      const p = parseNumber(r[j], csv.delimiter);
      if (p.ok || p.reason === 'empty' || p.reason === 'missing' || p.reason === 'non-finite') return;
      const [code, message, hint] = describeFailure(p.reason, r[j], role);
      out.push(makeIssue(code, 'error', message, hint, { file: csv.file, row: csv.rowNumbers[i], column }));
    });
  }
  return out;
}
