import type { Frequency } from '@mixwise/engine';
import type { CsvTable } from '../read/read-csv.ts';
import type { Change, CleaningRoles, StepResult } from './change.ts';
import type { CleaningHintVia } from './cleaning-hints.ts';
import { sortDates } from './steps/sort-dates.ts';
import { decimalComma } from './steps/decimal-comma.ts';
import { fillGaps } from './steps/fill-gaps.ts';
import { handleNegatives } from './steps/handle-negatives.ts';
import { winsorize } from './steps/winsorize.ts';
import { imputeControls } from './steps/impute-controls.ts';
import { sumPanel } from './steps/sum-panel.ts';
import { skipMissingKpi } from './steps/skip-missing-kpi.ts';
import { pushAll } from '../push-all.ts';

/** One configured cleaning step (tagged by `type`); see the step functions for what each does. */
export type CleaningStep =
  | { type: 'decimal-comma' }
  | { type: 'sum-panel'; column?: string | string[]; keep?: string[] }
  | { type: 'sort-dates' }
  | { type: 'fill-gaps'; frequency?: Frequency }
  | { type: 'negatives'; mode: 'clip' | 'reject'; columns?: string[] }
  | { type: 'winsorize'; lower?: number; upper?: number; columns?: string[] }
  | { type: 'impute-controls'; columns?: string[] }
  | { type: 'skip-missing-kpi' };

/** Every step type, in the order that makes sense to apply them. */
export const CLEANING_STEP_TYPES = ['decimal-comma', 'sum-panel', 'sort-dates', 'negatives', 'fill-gaps', 'skip-missing-kpi', 'impute-controls', 'winsorize'] as const satisfies readonly CleaningStep['type'][];

/** What the steps' hints depend on: how they name a cleaning setting (fit's `--clean`, mixwise.yaml, both, neither). */
export interface RunCleaningOptions {
  readonly hints?: CleaningHintVia;
  /** First date whose KPI is fitted (a window's start): the KPI of earlier warm-up rows may be blank. */
  readonly kpiFrom?: string;
  /** skip-missing-kpi is one of the steps (runCleaning sets it): fill-gaps and sum-panel leave a missing KPI empty for it. */
  readonly kpiMayBeMissing?: boolean;
  /** false: the sum-panel step keeps no change log (its summary then counts 0), for a geo panel, which drops that log (withoutRollUp). */
  readonly rollUpLog?: boolean;
}

type StepRunner<T extends CleaningStep['type']> = (table: CsvTable, roles: CleaningRoles, step: Extract<CleaningStep, { type: T }>, options: RunCleaningOptions) => StepResult;

/** The step functions by type (a missing type is a compile error). */
const STEP_RUNNERS: { [T in CleaningStep['type']]: StepRunner<T> } = {
  'decimal-comma': (table, roles) => decimalComma(table, { roles }),
  'sum-panel': (table, roles, step, options) => sumPanel(table, { roles, column: step.column, keep: step.keep, ...options }),
  'sort-dates': (table, roles) => sortDates(table, { roles }),
  'fill-gaps': (table, roles, step, options) => fillGaps(table, { roles, frequency: step.frequency, ...options }),
  'skip-missing-kpi': (table, roles, _step, options) => skipMissingKpi(table, { roles, ...options }),
  negatives: (table, roles, step) => handleNegatives(table, { roles, mode: step.mode, columns: step.columns }),
  winsorize: (table, roles, step) => winsorize(table, { roles, lower: step.lower, upper: step.upper, columns: step.columns }),
  'impute-controls': (table, roles, step) => imputeControls(table, { roles, columns: step.columns }),
};

/** The result of runCleaning. */
export interface CleaningResult {
  table: CsvTable;
  /** Every change of every step, in step order. */
  changes: Change[];
  /** Per step, in the order run: how many cells it changed. */
  summary: { step: CleaningStep['type']; changes: number }[];
}

/**
 * Applies cleaning steps in the order given, each to the previous one's output, and collects the
 * full change log. decimal-comma, when present, runs first wherever it is listed: every other step reads
 * numbers. sum-panel, when present, must come first after it: the other steps work on one series. Nothing changes silently: every changed cell is in `changes`. Steps that refuse
 * the data (a KPI gap, negatives in 'reject' mode, unreadable dates) throw, and nothing is returned.
 * skip-missing-kpi always runs after fill-gaps, wherever it is listed, so that the periods fill-gaps
 * inserts are left out of the fit too; with it, fill-gaps and sum-panel leave a missing KPI empty.
 * @param table the cells as read (not modified)
 * @param roles the columns of each role
 * @param steps the configured steps
 * @param options hints: how a step's hint names a cleaning setting (default both fit's --clean and mixwise.yaml);
 *   kpiFrom: first date whose KPI is fitted (the KPI of earlier warm-up rows may be blank: sum-panel leaves their total blank,
 *   fill-gaps inserts a missing warm-up period with an empty KPI)
 * @throws DataError from a step that refuses the data; RangeError when sum-panel is not the first step
 * @example runCleaning(csv, roles, [{ type: 'sort-dates' }, { type: 'negatives', mode: 'clip' }]).summary
 * // [{ step: 'sort-dates', changes: 2 }, { step: 'negatives', changes: 1 }]
 */
export function runCleaning(table: CsvTable, roles: CleaningRoles, steps: readonly CleaningStep[], options: RunCleaningOptions = {}): CleaningResult {
  if (steps.filter((s) => s.type !== 'decimal-comma').findIndex((s) => s.type === 'sum-panel') > 0) {
    throw new RangeError('runCleaning: sum-panel must be the first cleaning step (the other steps work on one series per date)');
  }
  let current = table;
  const changes: Change[] = [];
  const summary: CleaningResult['summary'] = [];
  const kpiMayBeMissing = steps.some((s) => s.type === 'skip-missing-kpi');
  for (const step of skipAfterFillGaps(decimalCommaFirst(steps))) {
    const run = STEP_RUNNERS[step.type] as StepRunner<typeof step.type>;
    const result = run(current, roles, step as never, { ...options, ...(kpiMayBeMissing ? { kpiMayBeMissing } : {}) });
    current = result.table;
    pushAll(changes, result.changes);
    summary.push({ step: step.type, changes: result.changes.length });
  }
  return { table: current, changes, summary };
}

/**
 * The steps in order, with skip-missing-kpi moved to just after fill-gaps when it was listed before it.
 * @example skipAfterFillGaps([{ type: 'skip-missing-kpi' }, { type: 'fill-gaps' }]).map((s) => s.type) // ['fill-gaps', 'skip-missing-kpi']
 */
export function skipAfterFillGaps(steps: readonly CleaningStep[]): CleaningStep[] {
  const skip = steps.findIndex((s) => s.type === 'skip-missing-kpi');
  const fill = steps.findIndex((s) => s.type === 'fill-gaps');
  if (skip < 0 || fill < 0 || skip > fill) return [...steps];
  const rest = steps.filter((_, i) => i !== skip);
  rest.splice(rest.findIndex((s) => s.type === 'fill-gaps') + 1, 0, steps[skip]);
  return rest;
}

/**
 * The steps with decimal-comma moved to the front: the other steps read the numbers it rewrites.
 * @example decimalCommaFirst([{ type: 'sort-dates' }, { type: 'decimal-comma' }]).map((s) => s.type) // ['decimal-comma', 'sort-dates']
 */
function decimalCommaFirst(steps: readonly CleaningStep[]): CleaningStep[] {
  return [...steps.filter((s) => s.type === 'decimal-comma'), ...steps.filter((s) => s.type !== 'decimal-comma')];
}
