import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { parseNumber } from '../../read/parse-number.ts';
import { negativeValueText, type NumericRole } from '../../build/read-numeric-column.ts';
import { makeIssue } from '../make-issue.ts';

/**
 * Rule: spend, and the exposure of organic media, is 0 or more. One NEGATIVE_SPEND error per negative
 * cell, with its value, worded as `mixwise fit` words it (negativeValueText).
 * @param csv the parsed cells
 * @param roles resolved roles (the channels' spend columns and the organic media columns are checked)
 * @example negativeSpend(csv, roles)[0] // { code: 'NEGATIVE_SPEND', message: 'spend is negative (-10)', at: { file: 'd.csv', row: 6, column: 'tv_spend' }, … }
 */
export function negativeSpend(csv: CsvTable, roles: RuleRoles): Issue[] {
  const out: Issue[] = [];
  const columns: { column: string; role: NumericRole }[] = [
    ...(roles.channels ?? []).map((c) => ({ column: c.column, role: 'spend' as const })),
    ...(roles.organic ?? []).map((column) => ({ column, role: 'organic' as const })),
  ];
  for (const { column, role } of columns) {
    const j = csv.header.indexOf(column);
    if (j < 0) continue;
    csv.rows.forEach((r, i) => {
      const p = parseNumber(r[j], csv.delimiter);
      const negative = p.ok && p.value < 0 ? negativeValueText(role, r[j]) : undefined;
      if (negative === undefined) return;
      out.push(makeIssue('NEGATIVE_SPEND', 'error', negative[0], negative[1], { file: csv.file, row: csv.rowNumbers[i], column }));
    });
  }
  return out;
}
