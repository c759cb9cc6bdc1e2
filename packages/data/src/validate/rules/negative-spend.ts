import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { parseNumber } from '../../read/parse-number.ts';
import { makeIssue } from '../make-issue.ts';

/**
 * Rule: spend is 0 or more. One NEGATIVE_SPEND error per negative spend cell, with its value.
 * @param csv the parsed cells
 * @param roles resolved roles (the channels' spend columns are checked)
 * @example negativeSpend(csv, roles)[0] // { code: 'NEGATIVE_SPEND', message: 'spend is negative (-10)', at: { file: 'd.csv', row: 6, column: 'tv_spend' }, … }
 */
export function negativeSpend(csv: CsvTable, roles: RuleRoles): Issue[] {
  const out: Issue[] = [];
  for (const { column } of roles.channels ?? []) {
    const j = csv.header.indexOf(column);
    if (j < 0) continue;
    csv.rows.forEach((r, i) => {
      const p = parseNumber(r[j], csv.delimiter);
      if (!p.ok || p.value >= 0) return;
      out.push(makeIssue('NEGATIVE_SPEND', 'error', `spend is negative (${r[j]})`,
        'spend must be 0 or more; net refunds or corrections into neighbouring periods',
        { file: csv.file, row: csv.rowNumbers[i], column }));
    });
  }
  return out;
}
