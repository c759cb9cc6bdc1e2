import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { columnValues } from '../numeric-columns.ts';
import { makeIssue } from '../make-issue.ts';

/**
 * Rule: controls and spends vary. A control with the same value in every period is a CONSTANT_CONTROL
 * warning, a channel spending the same non-zero amount in every period a CONSTANT_SPEND warning (both
 * cannot be told apart from the baseline; an all-zero channel is channelNoSpend's). Needs two rows or
 * more; columns with unreadable cells are skipped. The constant target is kpiNoVariance's.
 * @param csv the parsed cells
 * @param roles resolved roles
 * @example constantColumns(csv, roles).map((i) => i.code) // ['CONSTANT_SPEND', 'CONSTANT_CONTROL']
 */
export function constantColumns(csv: CsvTable, roles: RuleRoles): Issue[] {
  const out: Issue[] = [];
  for (const c of roles.channels ?? []) {
    const v = constantValue(csv, c.column);
    if (v === undefined || v === 0) continue;
    out.push(makeIssue('CONSTANT_SPEND', 'warning', `channel "${c.name}" spends the same amount (${v}) in every period`,
      'a constant spend cannot be told apart from the baseline; leave it out of the channels or provide data where it varies',
      { file: csv.file, column: c.column }));
  }
  for (const name of roles.controls ?? []) {
    if (constantValue(csv, name) === undefined) continue;
    out.push(makeIssue('CONSTANT_CONTROL', 'warning', `control "${name}" has the same value in every period`,
      'a constant cannot be told apart from the baseline; leave it out of the controls', { file: csv.file, column: name }));
  }
  return out;
}

/** The column's single value when it has ≥ 2 rows, all readable and equal; otherwise undefined. */
function constantValue(csv: CsvTable, column: string): number | undefined {
  const values = columnValues(csv, column);
  if (values === undefined || values.length < 2 || values.some(Number.isNaN)) return undefined;
  return values.every((v) => v === values[0]) ? values[0] : undefined;
}
