import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { TableRoles } from '../build/resolve-roles.ts';
import type { ReadOutcome } from '../validate/read-outcome.ts';
import type { ValidationResult } from '../validate/run-rules.ts';
import type { RuleOptions, RuleRoles } from '../validate/rule-types.ts';
import type { CleaningHintVia } from './cleaning-hints.ts';
import type { CleaningResult, CleaningStep } from './run-cleaning.ts';
import { DataError } from '../issue.ts';
import { runRules } from '../validate/run-rules.ts';
import { nonNumericValues } from '../validate/rules/non-numeric-values.ts';
import { resolveRuleRoles } from '../validate/resolve-rule-roles.ts';
import { hintRoles, panelRollUpRoles } from './cleaning-roles.ts';
import { cleaningFix, withCleaningHints } from './cleaning-hints.ts';
import { runCleaning } from './run-cleaning.ts';
import { moreIssuesOf } from '../issue-collector.ts';
import { winsorizedColumns } from './winsorized-columns.ts';
import { pairCandidates } from '../build/paired-exposure.ts';
import type { CleaningRoles } from './change.ts';

/** Options of checkAndClean. */
export interface CheckAndCleanOptions {
  /** Cleaning steps to apply before validating, in order (default: none). */
  steps?: readonly CleaningStep[];
  /** How hints name the cleaning steps that would fix an issue (default 'both'). */
  hints?: CleaningHintVia;
  /** Where the user sets the roles, so role hints name the flag or the config key (default the command line). */
  rolesIn?: RuleOptions['rolesIn'];
  /** First date whose KPI is fitted (a window's start): the KPI of earlier warm-up rows is not checked. */
  kpiFrom?: string;
  /** Last date of the rows given (a window's end, when later rows were left out): said by messages on the table's length. */
  rowsUntil?: string;
  /** Exposure columns of paid channels (a config's `exposure:`): fill_gaps zeroes them like spend. */
  exposure?: readonly string[];
  /** `fit --media exposure`: the exposure column named for each channel (exposureColumns) is cleaned as exposure too. */
  pairExposure?: boolean;
  /** With pairExposure: spend column → exposure column paired first (pairCandidates). */
  exposurePins?: Readonly<Record<string, string>>;
  /** false: the sum-panel step keeps no change log, for a geo panel, which drops it (withoutRollUp). */
  rollUpLog?: boolean;
}

/** Data that passed validation: the cells to build the table from, the warnings, and the cleaning log. */
export interface CheckedData {
  /** The cells (cleaned when steps were given). */
  csv: CsvTable;
  /** The validation of those cells (ok; warnings only). */
  validation: ValidationResult;
  /** The change log, when steps were given. */
  cleaning?: CleaningResult;
}

/**
 * The gate before a fit: every validation rule of `mixwise validate` (runRules), on the data after the
 * configured cleaning steps. Without steps the file is validated as read; with steps, the steps run
 * first (on the roles resolved from the file; automatic events and controls count: autoRoles) and
 * the cleaned cells are validated (a value far above the level of a column that winsorize caps is
 * then a warning: RuleOptions.winsorized), while the reader rules (encoding, stray BOM, delimiter…) still
 * see the file. A step that refuses the data (e.g. a KPI gap for fill_gaps) is reported together with
 * the file's other errors that the configured steps would not fix.
 * @param read the file as readOutcome read it
 * @param roles column roles (the target may be left out)
 * @param options steps and hint style
 * @returns the cells, their validation and the change log
 * @throws DataError with every error (and warning) found when the data cannot be used
 * @example checkAndClean(readOutcome('d.csv'), { target: 'sales' }, { steps: [{ type: 'negatives', mode: 'clip' }] }).cleaning?.summary
 * // [{ step: 'negatives', changes: 1 }]
 */
export function checkAndClean(read: ReadOutcome, roles: Omit<TableRoles, 'target'> & { target?: string }, options: CheckAndCleanOptions = {}): CheckedData {
  const steps = options.steps ?? [];
  const hints = options.hints ?? 'both';
  const where: RuleOptions = { ...(options.rolesIn === undefined ? {} : { rolesIn: options.rolesIn }), ...(options.kpiFrom === undefined ? {} : { kpiFrom: options.kpiFrom }),
    ...(options.rowsUntil === undefined ? {} : { rowsUntil: options.rowsUntil }) };
  const raw = (): ValidationResult => runRules(read, roles, { cleaningHints: hints, ...where });
  const csv = read.csv;
  const resolved = csv === undefined ? undefined : resolveRuleRoles(csv, roles);
  if (csv === undefined || resolved === undefined || steps.length === 0 || resolved.date === undefined) {
    const validation = raw();
    if (!validation.ok || csv === undefined) throw new DataError(validation.issues);
    return { csv, validation };
  }
  // The steps read '.' as a decimal point and rewrite values: a '.' thousands separator must be refused first.
  const dotted = nonNumericValues(csv, resolved, where).filter((i) => i.code === 'DOT_THOUSANDS');
  if (dotted.length > 0) throw new DataError(dotted);
  let cleaning: CleaningResult;
  try {
    // With impute_controls, an automatic control with a few empty cells is filled and kept (autoRoles).
    const imputing = steps.some((s) => s.type === 'impute-controls');
    const cleanRoles = panelRollUpRoles(csv, roles, resolved, resolved.date, { imputing });
    cleaning = runCleaning(csv, withExposure(csv, cleanRoles, resolved, options), steps, { hints, ...(options.kpiFrom === undefined ? {} : { kpiFrom: options.kpiFrom }),
      ...(options.rollUpLog === false ? { rollUpLog: false } : {}) });
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    const types = new Set(steps.map((s) => s.type.replace(/-/g, '_')));
    const errors = raw().issues.filter((i) => i.severity === 'error');
    // A MORE_ISSUES summary stands for more issues of a listed code: when the steps fix those, they fix it too.
    const fixedCodes = new Set(errors.filter((i) => fixedBy(i, resolved, types)).map((i) => i.code));
    const others = errors.filter((i) => !fixedBy(i, resolved, types) && !fixedCodes.has(moreIssuesOf(i)?.code ?? '')
      && !err.issues.some((e) => e.code === i.code && e.at.row === i.at.row && e.at.column === i.at.column));
    // A KPI gap of fill_gaps names skip_missing_kpi (withCleaningHints) unless that step is already configured.
    const refused = types.has('skip_missing_kpi') ? err.issues
      : err.issues.map((i) => (i.code === 'KPI_GAP' ? withCleaningHints([i], hintRoles(csv, roles, resolved, [i]), hints)[0] : i));
    throw new DataError([...refused, ...others]);
  }
  // A value the user chose to cap (winsorize on its column) is theirs to keep: IMPLAUSIBLE_VALUE is then a warning.
  const validation = runRules({ ...read, csv: cleaning.table }, roles, { cleaningHints: hints, ...where, winsorized: winsorizedColumns(steps, resolved) });
  if (!validation.ok) throw new DataError(validation.issues);
  return { csv: cleaning.table, validation, cleaning };
}

/**
 * The cleaning roles with the paid channels' exposure columns: the mapped ones, and with pairExposure
 * those named for each channel as `fit --media exposure` pairs them (the first not given another role).
 */
function withExposure(csv: CsvTable, roles: CleaningRoles, resolved: RuleRoles, options: CheckAndCleanOptions): CleaningRoles {
  const used = new Set([roles.date, ...(roles.target === undefined ? [] : [roles.target]), ...roles.spend, ...roles.controls, ...roles.events, ...(roles.organic ?? []),
    ...(resolved.requested?.reserved ?? [])]);
  const exposure = (options.exposure ?? []).filter((c) => csv.header.includes(c) && !used.has(c));
  if (options.pairExposure === true) {
    for (const ch of resolved.channels ?? []) {
      const column = pairCandidates(csv.header, ch, options.exposurePins).find((h) => !used.has(h) && !exposure.includes(h));
      if (column !== undefined) exposure.push(column);
    }
  }
  return exposure.length === 0 ? roles : { ...roles, exposure };
}

/** Whether the configured step names (snake_case) include every step that would fix the issue (not only advised). */
function fixedBy(issue: Issue, roles: RuleRoles, types: ReadonlySet<string>): boolean {
  const fix = cleaningFix(issue, roles);
  return fix !== undefined && stepNames(fix.yaml).every((name) => types.has(name) || (fix.advised ?? []).includes(name));
}

/**
 * The step names of a cleaning hint's mixwise.yaml list: its top-level entries, a bare name or a
 * `{ name: … }` mapping whose own commas (sum_panel's column list) do not split it.
 * @example stepNames('fill_gaps, { sum_panel: { column: [geo, product] } }') // ['fill_gaps', 'sum_panel']
 */
export function stepNames(yaml: string): string[] {
  const names: string[] = [];
  let depth = 0, entry = '';
  for (const ch of yaml + ',') {
    if (ch === ',' && depth === 0) {
      names.push(entry.trim().replace(/^\{\s*(\w+).*$/, '$1'));
      entry = '';
      continue;
    }
    if (ch === '{' || ch === '[') depth++;
    if (ch === '}' || ch === ']') depth--;
    entry += ch;
  }
  return names;
}
