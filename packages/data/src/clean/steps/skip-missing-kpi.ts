import { listText } from '@mixwise/engine';
import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { NumberFailure } from '../../read/parse-number.ts';
import type { Change, CleaningRoles, StepResult } from '../change.ts';
import type { CleaningHintVia } from '../cleaning-hints.ts';
import { DataError } from '../../issue.ts';
import { parseDate } from '../../read/date.ts';
import { isNanText, parseNumber } from '../../read/parse-number.ts';
import { makeIssue } from '../../validate/make-issue.ts';
import { changeRow } from '../change.ts';
import { copyTable } from '../copy-table.ts';
import { rowIssuePlace } from '../inserted-rows.ts';
import { summedRowAt } from '../summed-rows.ts';

/** Options of skipMissingKpi. */
export interface SkipMissingKpiOptions {
  roles: CleaningRoles;
  /** First date whose KPI is fitted (a window's start): the KPI of earlier warm-up rows is never fitted, so never counted. */
  kpiFrom?: string;
  /** How the hints name the window setting: fit's --start/--end, mixwise.yaml's window:, both (default) or neither. */
  hints?: CleaningHintVia;
}

/** What the step does, in the words of `fit --help` and the dashboard's cleaning choice. */
export const SKIP_MISSING_KPI_HELP = 'a period whose KPI is empty, NA or NaN is left out of the fit, its spend still carries over; with fill_gaps, so is a missing period';

/** Why a skipped period is in the change log. */
export const SKIPPED_KPI_REASON = 'KPI missing: period left out of the fit; its spend still carries over';

/**
 * Cleaning step 'skip-missing-kpi': a period of the modeling window whose KPI cell is empty, NA or NaN
 * (a tracking outage, a CRM export gap) is kept, with its KPI "not observed": its cell is left empty,
 * its date goes into the table's kpiNotObserved (so no validation rule checks it and the modeling
 * table reads it as NaN), and it is one change in the log. Its spend, controls and events stay, so
 * its spend still carries over into later periods. With fill-gaps before it (and this step
 * configured), a period missing from the date sequence is inserted and then skipped the same way.
 * The KPI is never invented. Refused when the window's first or last fitted period has no KPI
 * (trimming the window is better than skipping at its edges) or when more than half of the window's
 * periods have none (counted over the whole window: the step does not know a holdout). Rows before `kpiFrom` (carryover warm-up) are not counted; a row whose date
 * cannot be read is left as it is (its date error is reported by validation).
 * @param table the cells, cut at the window's end (rows after it are not fitted)
 * @param options roles (without a target, nothing changes), kpiFrom, hints
 * @throws DataError with KPI_MISSING_AT_EDGE or KPI_MOSTLY_MISSING
 * @example skipMissingKpi(csv, { roles }).changes[0]
 * // { step: 'skip-missing-kpi', column: 'revenue', row: 41, date: '2024-10-07', before: '', after: '', reason: 'KPI missing: …' }
 */
export function skipMissingKpi(table: CsvTable, options: SkipMissingKpiOptions): StepResult {
  const { roles, kpiFrom } = options;
  const k = roles.target === undefined ? -1 : table.header.indexOf(roles.target);
  const d = table.header.indexOf(roles.date);
  if (roles.target === undefined || k < 0 || d < 0) return { table, changes: [] };
  const target = roles.target;
  // The fitted rows: dated from kpiFrom on (a row with an unreadable date counts, but is never skipped).
  const fitted: { i: number; iso: string | undefined; missing: boolean }[] = [];
  table.rows.forEach((r, i) => {
    const date = parseDate(r[d]);
    const iso = date.ok ? date.iso : undefined;
    if (iso !== undefined && kpiFrom !== undefined && iso < kpiFrom) return;
    const p = parseNumber(r[k], table.delimiter);
    fitted.push({ i, iso, missing: iso !== undefined && !p.ok && isBlankKpi(p.reason, r[k]) });
  });
  const missing = fitted.filter((f) => f.missing);
  if (missing.length === 0) return { table, changes: [] };
  refuse(table, target, fitted, missing.length, options.hints ?? 'both');
  const out = copyTable(table);
  const changes: Change[] = missing.map(({ i, iso }) => {
    const before = changeRow(table, i) === null ? null : table.rows[i][k];
    out.rows[i][k] = '';
    // A row sum_panel added up: its line is the date's first row; the rows without a KPI are named.
    const missingIn = summedRowAt(table, table.rowNumbers[i])?.kpiMissingIn;
    const change: Change = { step: 'skip-missing-kpi', column: target, row: changeRow(table, i), date: iso ?? null, before, after: '', reason: SKIPPED_KPI_REASON };
    return missingIn === undefined ? change : { ...change, reason: `no KPI in ${missingInText(missingIn)}: ${SKIPPED_KPI_REASON.replace(/^KPI missing: /, '')}`, kpiMissingIn: missingIn };
  });
  const skipped = new Set([...(table.kpiNotObserved ?? []), ...missing.map((m) => m.iso as string)]);
  return { table: { ...out, kpiNotObserved: skipped }, changes };
}

/**
 * The rows of a summed panel date without a KPI, in words (a long list shortened).
 * @example missingInText(['geo=EMEA (line 123)', 'geo=APAC (line 124)']) // 'geo=EMEA (line 123) and geo=APAC (line 124)'
 */
export function missingInText(rows: readonly string[]): string {
  return listText(rows.length > 4 ? [...rows.slice(0, 3), `${rows.length - 3} more`] : rows);
}

/**
 * Whether a KPI cell that is not a number counts as missing for skip_missing_kpi: empty, NA-like, or
 * written NaN (isNanText: Python's csv writes a missing float so). Infinity and text are errors still.
 * @example isBlankKpi('non-finite', 'nan') // true
 */
export function isBlankKpi(reason: NumberFailure, text: string): boolean {
  return reason === 'empty' || reason === 'missing' || (reason === 'non-finite' && isNanText(text));
}

/** Throws when the window's edge periods have no KPI, or when most periods of the window (holdout included) have none. */
function refuse(table: CsvTable, target: string, fitted: readonly { i: number; iso: string | undefined; missing: boolean }[], nMissing: number, via: CleaningHintVia): void {
  const issues: Issue[] = [];
  const first = fitted[0];
  const last = fitted[fitted.length - 1];
  const observed = fitted.filter((f) => !f.missing && f.iso !== undefined);
  const edge = (f: typeof first, which: 'start' | 'end', to: string | undefined): void => {
    const word = which === 'start' ? 'first' : 'last';
    const move = to === undefined ? `move the window's ${which}` : `${which === 'start' ? 'start' : 'end'} the window at ${to}, the ${word} period with a KPI (${windowSetting(which, to, via)})`;
    const place = rowIssuePlace(table, f.i, target, `the ${word} fitted period (${f.iso ?? ''}) has no KPI: skip_missing_kpi leaves out periods inside the window, not at its ${which}`);
    issues.push(makeIssue('KPI_MISSING_AT_EDGE', 'error', place.message,
      `${move}: trimming is better than skipping at the edges; or fill in the KPI for this period`, { file: table.file, ...place.at }));
  };
  if (first.missing) edge(first, 'start', observed[0]?.iso);
  if (last.missing && last !== first) edge(last, 'end', observed[observed.length - 1]?.iso);
  if (nMissing * 2 > fitted.length) {
    issues.push(makeIssue('KPI_MOSTLY_MISSING', 'error',
      `${nMissing} of the ${fitted.length} periods of the modeling window (a holdout's periods included) have no KPI "${target}": more than half, too few left to fit`,
      'fill in the KPI, or narrow the modeling window to a span where it was recorded (--start/--end, or window: in mixwise.yaml)', { file: table.file, column: target }));
  }
  if (issues.length > 0) throw new DataError(issues);
}

/**
 * The window setting that moves its start or end to a date, as `via` names it.
 * @example windowSetting('start', '2024-01-08', 'both') // '--start 2024-01-08, or "window: { start: 2024-01-08 }" in mixwise.yaml'
 */
export function windowSetting(which: 'start' | 'end', date: string, via: CleaningHintVia): string {
  const forms = [
    ...(via === 'config' ? [] : [`--${which} ${date}`]),
    ...(via === 'flag' ? [] : [`"window: { ${which}: ${date} }" in mixwise.yaml`]),
  ];
  return forms.join(', or ');
}
