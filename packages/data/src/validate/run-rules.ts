import type { Issue } from '../issue.ts';
import type { ReadOutcome } from './read-outcome.ts';
import type { RuleOptions, ValidationRoles } from './rule-types.ts';
import { IssueCollector } from '../issue-collector.ts';
import { hasErrors } from '../issue.ts';
import { missingColumns } from './rules/missing-columns.ts';
import { placeSummedRows } from '../clean/summed-rows.ts';
import { outliersSkippedOnPanel } from './rules/extreme-outliers.ts';
import { resolveRuleRoles } from './resolve-rule-roles.ts';
import { KPI_CHECKS_SKIPPED, READ_RULES, TABLE_RULES } from './rule-registry.ts';
import type { CleaningHintVia } from '../clean/cleaning-hints.ts';
import { withCleaningHints } from '../clean/cleaning-hints.ts';
import { hintRoles } from '../clean/cleaning-roles.ts';
import { isCause, withoutSideEffects } from './side-effects.ts';
import { pushAll } from '../push-all.ts';

/** The result of validating one file. */
export interface ValidationResult {
  file: string;
  /** Every issue, sorted by row (file- and column-wide issues first), at most `perCode` per code. */
  issues: Issue[];
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** Checks that were not run and why, e.g. the KPI checks without a target; [] when all ran. */
  skipped: string[];
}

/**
 * Runs every validation rule: the reader rules (empty file, encoding, ragged rows, header names,
 * wrong delimiter, stray BOM), then, when the file could be parsed, missingColumns and every table
 * rule of TABLE_RULES on the resolved roles. Nothing throws for bad data.
 * @param read the outcome of readOutcome / readOutcomeFromText
 * @param requested column roles; without a target the KPI checks are skipped (listed in `skipped`)
 * @param options perCode: issues kept per code before a MORE_ISSUES summary (default 10); cleaningHints:
 *   name the cleaning step that would fix an issue as a `--clean` flag, a mixwise.yaml entry, both (default) or none;
 *   rolesIn: where the user sets the roles, so a hint names the flag or the config key (default the command line);
 *   kpiFrom: the KPI of rows dated before it (carryover warm-up before a window's start) is not checked;
 *   rowsUntil: the rows were cut at this date (a window's end), which messages on the table's length say
 * @returns issues sorted by row (a stable sort: rule order within a row), a cause (WRONG_DELIMITER,
 *   REPEATED_HEADER) first and the errors that only follow from it left out (withoutSideEffects), ok and skipped
 * @example runRules(readOutcomeFromText('date,y\n', 'x.csv'), {}).issues.map((i) => i.code) // ['HEADER_ONLY']
 */
export function runRules(read: ReadOutcome, requested: ValidationRoles, options: { perCode?: number; cleaningHints?: CleaningHintVia } & RuleOptions = {}): ValidationResult {
  const found: Issue[] = [];
  for (const rule of Object.values(READ_RULES)) pushAll(found, rule(read));
  const skipped: string[] = [];
  const csv = read.csv;
  if (csv === undefined) {
    skipped.push('column and value checks: the file could not be read as a table');
  } else {
    const where: RuleOptions = { ...(options.rolesIn === undefined ? {} : { rolesIn: options.rolesIn }), ...(options.kpiFrom === undefined ? {} : { kpiFrom: options.kpiFrom }),
      ...(options.rowsUntil === undefined ? {} : { rowsUntil: options.rowsUntil }), ...(options.winsorized === undefined ? {} : { winsorized: options.winsorized }) };
    pushAll(found, missingColumns(csv, requested, where));
    const roles = resolveRuleRoles(csv, requested);
    const table: Issue[] = [];
    for (const rule of Object.values(TABLE_RULES)) pushAll(table, rule(csv, roles, where));
    pushAll(found, placeSummedRows(withCleaningHints(table, hintRoles(csv, requested, roles, table), options.cleaningHints ?? 'both'), csv));
    if (requested.target === undefined) skipped.push(`KPI checks (${KPI_CHECKS_SKIPPED}): no target column was given`);
    const panel = outliersSkippedOnPanel(csv, roles);
    if (panel !== undefined) skipped.push(panel);
  }
  const sorted = withoutSideEffects(found).map((issue, k) => ({ issue, k }))
    .sort((a, b) => Number(isCause(b.issue)) - Number(isCause(a.issue)) || (a.issue.at.row ?? 0) - (b.issue.at.row ?? 0) || a.k - b.k);
  const collector = new IssueCollector(read.file, options.perCode ?? 10);
  for (const { issue } of sorted) collector.add(issue);
  const issues = collector.list();
  return { file: read.file, issues, ok: !hasErrors(issues), skipped };
}
