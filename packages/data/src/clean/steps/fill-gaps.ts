import type { Frequency } from '@mixwise/engine';
import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { Change, CleaningRoles, StepResult } from '../change.ts';
import { INSERTED_ROW, changeRow } from '../change.ts';
import { DataError } from '../../issue.ts';
import { isoFromDays } from '../../read/date.ts';
import { parseNumber } from '../../read/parse-number.ts';
import { FREQUENCY_STEP_DAYS } from '../../detect/detect-frequency.ts';
import { makeIssue } from '../../validate/make-issue.ts';
import { copyTable } from '../copy-table.ts';
import { tableDays } from '../table-days.ts';


/** Options of fillGaps. */
export interface FillGapsOptions {
  roles: CleaningRoles;
  /** The data's frequency (default: from the median step between consecutive dates). */
  frequency?: Frequency;
  /** First date whose KPI is fitted (a window's start): a missing warm-up period before it is inserted with its KPI left empty. */
  kpiFrom?: string;
  /**
   * skip_missing_kpi is configured: a missing period of the window is inserted with its KPI left empty
   * (that step then leaves it out of the fit) instead of a KPI_GAP error.
   */
  kpiMayBeMissing?: boolean;
}

/**
 * Cleaning step 'fill-gaps': zero spend where there is none. (1) Empty or NA spend cells become 0, and
 * so do those of organic media exposure (no sends recorded: none sent) and of paid channels' exposure columns. (2) Periods missing from the
 * date sequence are inserted, with 0 spend, 0 exposure (organic and paid), 0 for events, and controls
 * left empty (add impute-controls to fill them). A KPI cannot be invented: when periods are missing
 * and the table has a target, nothing is inserted and the step fails with one KPI_GAP error per gap,
 * except for periods before `kpiFrom` (carryover warm-up, whose KPI is never fitted): those are
 * inserted with the KPI left empty, and the change log says so. With `kpiMayBeMissing` (skip_missing_kpi
 * is configured) every missing period is inserted with its KPI left empty, for that step to leave out of the fit.
 * Every filled or inserted cell is a change (inserted rows have row null; in the table their row
 * number is INSERTED_ROW).
 * @param table the cells, dates in increasing order (see sortDates)
 * @param options roles, optional frequency, kpiFrom and kpiMayBeMissing
 * @throws DataError with KPI_GAP, UNSUPPORTED_FREQUENCY, UNSORTED_DATES or date errors
 * @example fillGaps(spendOnly, { roles }).changes[0]
 * // { step: 'fill-gaps', column: 'date', row: null, date: '2024-01-15', before: null, after: '2024-01-15', reason: 'missing period inserted …' }
 */
export function fillGaps(table: CsvTable, options: FillGapsOptions): StepResult {
  const { roles, kpiFrom, kpiMayBeMissing } = options;
  const { days, iso } = tableDays(table, roles.date, { sorted: true, step: 'fill-gaps' });
  const step = stepDays(table, roles.date, days, options.frequency);
  const out = copyTable(table);
  const changes: Change[] = [];
  const zeroed = [
    ...roles.spend.map((column) => ({ column, reason: 'no spend recorded: 0' })),
    ...(roles.organic ?? []).map((column) => ({ column, reason: 'no exposure recorded: 0' })),
    ...(roles.exposure ?? []).map((column) => ({ column, reason: 'no exposure recorded: 0' })),
  ];
  for (const { column, reason } of zeroed) {
    const j = table.header.indexOf(column);
    if (j < 0) continue;
    out.rows.forEach((r, i) => {
      const p = parseNumber(r[j], table.delimiter);
      if (p.ok || (p.reason !== 'empty' && p.reason !== 'missing')) return;
      changes.push({ step: 'fill-gaps', column, row: changeRow(table, i), date: iso[i], before: r[j], after: '0', reason });
      r[j] = '0';
    });
  }
  const gaps: Issue[] = [];
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  out.rows.forEach((r, i) => {
    if (i > 0) {
      const missing: number[] = [];
      for (let d = days[i - 1] + step; d < days[i]; d += step) missing.push(d);
      const fitted = missing.filter((d) => kpiFrom === undefined || isoFromDays(d) >= kpiFrom);
      if (fitted.length > 0 && roles.target !== undefined && kpiMayBeMissing !== true) gaps.push(kpiGap(table, roles.target, fitted, i));
      for (const d of missing) {
        rows.push(insertedRow(out.header, roles, isoFromDays(d), changes, { kpiFrom, kpiMayBeMissing }));
        rowNumbers.push(INSERTED_ROW);
      }
    }
    rows.push(r);
    rowNumbers.push(table.rowNumbers[i]);
  });
  if (gaps.length > 0) throw new DataError(gaps);
  return { table: { ...out, rows, rowNumbers }, changes };
}

function stepDays(table: CsvTable, column: string, days: number[], frequency: Frequency | undefined): number {
  if (frequency !== undefined) return FREQUENCY_STEP_DAYS[frequency];
  const steps = days.slice(1).map((d, k) => d - days[k]).filter((s) => s > 0).sort((a, b) => a - b);
  const median = steps[Math.floor((steps.length - 1) / 2)];
  if (median === 1 || median === 7) return median;
  throw new DataError([makeIssue('UNSUPPORTED_FREQUENCY', 'error',
    median === undefined ? 'fewer than two distinct dates: the step between periods is unknown' : `the dates are every ${median} days; fill-gaps works on weekly or daily data`,
    'give the frequency (weekly or daily) in the fill-gaps step', { file: table.file, column })]);
}

function insertedRow(header: readonly string[], roles: CleaningRoles, date: string, changes: Change[], kpi: Pick<FillGapsOptions, 'kpiFrom' | 'kpiMayBeMissing'>): string[] {
  const cells = header.map(() => '');
  const set = (column: string, value: string, reason: string): void => {
    const j = header.indexOf(column);
    if (j < 0) return;
    cells[j] = value;
    changes.push({ step: 'fill-gaps', column, row: null, date, before: null, after: value, reason });
  };
  const { kpiFrom } = kpi;
  const warmUp = kpiFrom !== undefined && date < kpiFrom;
  const kpiText = roles.target === undefined ? ''
    : warmUp || (kpiFrom !== undefined && kpi.kpiMayBeMissing !== true) ? `; its KPI "${roles.target}" is left empty (a warm-up period before the window's start ${kpiFrom}: not fitted)`
      : kpi.kpiMayBeMissing === true ? `; its KPI "${roles.target}" is left empty (not observed: skip_missing_kpi leaves it out of the fit)` : '';
  set(roles.date, date, `missing period inserted${kpiText}${roles.controls.length > 0 ? '; its controls are left empty for impute-controls' : ''}`);
  for (const c of roles.spend) set(c, '0', 'inserted period: no spend');
  for (const c of [...(roles.organic ?? []), ...(roles.exposure ?? [])]) set(c, '0', 'inserted period: no exposure');
  for (const c of roles.events) set(c, '0', 'inserted period: no event');
  return cells;
}

function kpiGap(table: CsvTable, target: string, missing: number[], i: number): Issue {
  const list = missing.slice(0, 10).map(isoFromDays).join(', ') + (missing.length > 10 ? `, … (${missing.length} in all)` : '');
  return makeIssue('KPI_GAP', 'error',
    `${missing.length} period${missing.length > 1 ? 's are' : ' is'} missing before this row (${list}) and the KPI "${target}" for ${missing.length > 1 ? 'them' : 'it'} cannot be invented`,
    'add the missing periods with their KPI to the file; fill-gaps only fills spend, events and controls',
    { file: table.file, row: table.rowNumbers[i], column: target });
}
