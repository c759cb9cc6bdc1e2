import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { NumberFailure } from '../read/parse-number.ts';
import { isNanText } from '../read/parse-number.ts';
import type { RuleRoles } from './rule-types.ts';
import { parseTableColumn } from '../read/dot-thousands.ts';
import { describeFailure } from '../build/read-numeric-column.ts';
import { numericColumns } from './numeric-columns.ts';
import { makeIssue } from './make-issue.ts';
import { warmUpRows } from '../window/warm-up-rows.ts';
import { rowIssuePlace } from '../clean/inserted-rows.ts';

/** Reasons a cell is blank rather than wrong: empty, NA-like, or NaN/Infinity. */
export const BLANK_REASONS: ReadonlySet<NumberFailure> = new Set(['empty', 'missing', 'non-finite']);

/**
 * One error per cell of the target, spend and control columns that fails to parse as a number for a
 * reason `wanted` accepts, column by column in row order (a period fill_gaps inserted is named by its
 * date, not a file row: rowIssuePlace). Shared by the emptyCells and
 * nonNumericValues rules, which split the failure reasons between them.
 * @param csv the parsed cells
 * @param roles resolved roles; without a target, only spends and controls are checked
 * @param wanted which failure reasons this rule reports
 * @param kpiFrom first date whose KPI is fitted: the KPI of earlier (warm-up) rows is not checked
 * @example cellFailures(csv, roles, (r) => BLANK_REASONS.has(r))[0].code // 'EMPTY_CELL'
 */
export function cellFailures(csv: CsvTable, roles: RuleRoles, wanted: (reason: NumberFailure) => boolean, kpiFrom?: string): Issue[] {
  const out: Issue[] = [];
  const warmUp = warmUpRows(csv, roles.date, kpiFrom);
  for (const { column, role } of numericColumns(roles)) {
    const j = csv.header.indexOf(column);
    if (j < 0) continue;
    const parses = parseTableColumn(csv, j);
    csv.rows.forEach((r, i) => {
      if (role === 'target' && warmUp?.[i] === true) return;
      const p = parses[i];
      if (p.ok || !wanted(p.reason)) return;
      const [code, message, hint] = describeFailure(p.reason, r[j], role);
      const place = rowIssuePlace(csv, i, column, message);
      const issue = makeIssue(code, 'error', place.message, hint, { file: csv.file, ...place.at });
      // A KPI written NaN is most likely missing: its cleaning hint names skip_missing_kpi (cleaningFix).
      if (p.reason === 'non-finite' && isNanText(r[j])) out.push({ ...issue, details: { nan: true } });
      // A semicolon file's decimal comma is unambiguous: its hint names decimal_comma (cleaningFix).
      else if (p.reason === 'decimal-comma' && csv.delimiter === ';') out.push({ ...issue, details: { decimalComma: true } });
      else out.push(issue);
    });
  }
  return out;
}
