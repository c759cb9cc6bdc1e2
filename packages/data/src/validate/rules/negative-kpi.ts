import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { kpiValues } from '../kpi-spend-values.ts';
import { guessTargetKind } from '../../build/guess-target-kind.ts';
import { makeIssue } from '../make-issue.ts';
import { nameWords } from '../../detect/name-words.ts';
import { mostlyNegative } from '../mostly-negative.ts';

/** Words of KPI names that may go below zero: a profit, a margin, a net figure or a change. */
const SIGNED_WORDS = new Set(['profit', 'margin', 'net', 'change', 'growth', 'delta', 'diff', 'difference', 'balance', 'return', 'pnl']);

/**
 * Whether a KPI's name marks a signed figure: one of its words (split at camelCase and at every
 * character that is not a letter; a plural `s` ignored) is in SIGNED_WORDS. Whole words only, so
 * internet_orders, returning_customers and exchange_sales are not signed.
 * @example signedKpiName('gross_margin') // true
 * @example signedKpiName('internet_orders') // false
 */
export function signedKpiName(name: string): boolean {
  return nameWords(name).flatMap((w) => w.split(/[^a-z]+/))
    .some((w) => SIGNED_WORDS.has(w) || (w.endsWith('s') && SIGNED_WORDS.has(w.slice(0, -1))));
}

/**
 * Whether the KPI is a revenue or a count that cannot be below zero: its kind (given, else guessed
 * from its name) is revenue or count, and its name does not mark a signed figure (profit, margin,
 * net…, which may go below zero).
 * @example nonNegativeKpi({ target: 'revenue' }) // true
 * @example nonNegativeKpi({ target: 'net_profit' }) // false
 */
export function nonNegativeKpi(roles: RuleRoles): boolean {
  if (roles.target === undefined || signedKpiName(roles.target)) return false;
  const kind = kpiKind(roles, roles.target);
  return kind === 'revenue' || kind === 'count';
}

/** The KPI's kind: as given, else guessed from its name. */
function kpiKind(roles: RuleRoles, target: string): ReturnType<typeof guessTargetKind> {
  return roles.requested?.targetKind ?? guessTargetKind(target);
}

/**
 * Rule: a revenue or count KPI (nonNegativeKpi) is 0 or more. One NEGATIVE_KPI warning per negative
 * cell, at its row, saying why it matters (one such period pulls the whole fit: no spend produces it)
 * and how to fix it in the file. A warning, not an error: the data may be right (net refunds), but
 * it is never changed silently. KPI cells of warm-up rows (before kpiFrom) are not checked, and a KPI
 * negative in most periods is flippedKpiSign's error instead.
 * @param csv the parsed cells
 * @param roles resolved roles (the target is checked)
 * @param options kpiFrom: the first date whose KPI is fitted
 * @example negativeKpi(csv, { target: 'revenue', date: 'date' })[0].code // 'NEGATIVE_KPI'
 */
export function negativeKpi(csv: CsvTable, roles: RuleRoles, options: { kpiFrom?: string } = {}): Issue[] {
  const target = roles.target;
  if (target === undefined || !nonNegativeKpi(roles)) return [];
  const values = kpiValues(csv, roles, options.kpiFrom);
  if (values === undefined) return [];
  const kind = kpiKind(roles, target);
  // A column negative in most periods is flippedKpiSign's one error, not a warning per row.
  if (mostlyNegative(values)) return [];
  const out: Issue[] = [];
  values.forEach((v, i) => {
    if (!(v < 0)) return;
    out.push(makeIssue('NEGATIVE_KPI', 'warning',
      `the KPI is negative (${csv.rows[i][csv.header.indexOf(target)]}), which a ${kind === 'count' ? 'count' : 'revenue'} cannot be: no spend can produce it, so this one period pulls the whole fit (the error of every other period grows)`,
      'correct the value in the file (a sign or typing error?); if it nets refunds or returns of earlier sales, move them to the periods of those sales; '
      + 'if the KPI really can go below zero (a profit or net figure), ignore this warning',
      { file: csv.file, row: csv.rowNumbers[i], column: target }));
  });
  return out;
}
