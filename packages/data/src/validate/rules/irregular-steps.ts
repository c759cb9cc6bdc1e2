import { periodWord, type Frequency } from '@mixwise/engine';
import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleOptions, RuleRoles } from '../rule-types.ts';
import { FREQUENCY_STEP_DAYS } from '../../detect/detect-frequency.ts';
import { medianStep } from '../../detect/median-step.ts';
import { isoFromDays } from '../../read/date.ts';
import { datedRows } from '../dated-rows.ts';
import { weekStartChange, weekStartIssue } from '../week-start-change.ts';
import { makeIssue } from '../make-issue.ts';
import { isInsertedRow, rowIssuePlace, rowName } from '../../clean/inserted-rows.ts';
import { summedRowAt } from '../../clean/summed-rows.ts';

/** At most this many missing dates are listed in one message. */
const MAX_LISTED = 10;

/**
 * Whether an issue is a gap whose missing periods all come before the modeling window's start
 * (carryover warm-up, whose KPI is never fitted): the only gap fill_gaps can close when the file has
 * a KPI, since it inserts such periods with the KPI left empty and never invents a fitted KPI.
 * Read from the issue's `details.warmUpGap` marker, not its message (which may name a summed or inserted row first).
 * @example isWarmUpGap(irregularSteps(csv, roles, { kpiFrom: '2024-03-04' })[0]) // true for a gap of 2024-01-15
 */
export function isWarmUpGap(issue: Pick<Issue, 'code' | 'details'>): boolean {
  return issue.code === 'IRREGULAR_DATES' && issue.details?.warmUpGap === true;
}

/**
 * Rule: the dates are evenly spaced, weekly or daily. The step is the median difference between
 * consecutive distinct dates (in date order, so unsorted or duplicated rows do not hide a gap):
 * 7 days is weekly, 1 daily; any other median is one UNSUPPORTED_FREQUENCY error. Every step that
 * differs is an IRREGULAR_DATES error on the row of the later date (named in the text too when it is not the
 * line after the earlier date's: an unsorted file, or one sort_dates reordered); a gap lists the missing dates.
 * A gap around rows with unreadable dates or probable typos is not reported (unparseableDates and
 * implausibleDates report those rows).
 * A gap whose missing periods all come before `kpiFrom` says so (isWarmUpGap): fill_gaps can insert those.
 * Weekly dates that move to another weekday for good (Mondays, then Tuesdays) are one error at the
 * change naming both weekdays and how to realign them (weekStartIssue), instead of its gap or short step.
 * @param csv the parsed cells
 * @param roles resolved roles; nothing is checked without a date column or with fewer than 2 dates
 * @param options kpiFrom: the modeling window's start (the KPI of earlier periods is not fitted)
 * @example irregularSteps(csv, roles)[0].message
 * // 'a gap of 14 days between 2024-01-08 (row 3) and 2024-01-22; weekly data needs 7; missing: 2024-01-15'
 */
export function irregularSteps(csv: CsvTable, roles: RuleRoles, options: RuleOptions = {}): Issue[] {
  const column = roles.date;
  if (column === undefined) return [];
  const dated = datedRows(csv, column);
  const readable = new Set(dated.map((d) => d.index));
  const dates = dated.sort((a, b) => a.days - b.days || a.index - b.index)
    .filter((d, k, all) => k === 0 || d.days !== all[k - 1].days);
  if (dates.length < 2) return [];
  const steps = dates.slice(1).map((d, k) => d.days - dates[k].days);
  const median = medianStep(dates.map((d) => d.days)) ?? 0;
  const frequency = (Object.keys(FREQUENCY_STEP_DAYS) as Frequency[]).find((f) => FREQUENCY_STEP_DAYS[f] === median);
  if (frequency === undefined) {
    const what = median >= 28 && median <= 31 ? 'monthly' : `every ${median} days`;
    return [makeIssue('UNSUPPORTED_FREQUENCY', 'error', `the dates are ${what}; Mixwise models weekly or daily data`,
      'provide one row per week (or per day)', { file: csv.file, column })];
  }
  const out: Issue[] = [];
  // After fill_gaps inserted weeks on the first weekday, the change is told by its steps, as before.
  const change = frequency === 'weekly' && !dates.some((d) => isInsertedRow(csv, d.index)) ? weekStartChange(dates) : undefined;
  steps.forEach((step, k) => {
    if (step === median) return;
    if (change === k + 1) {
      out.push(weekStartIssue(csv, column, dates, change));
      return;
    }
    const [from, to] = [dates[k], dates[k + 1]];
    if (to.index - from.index > 1 && unreadableBetween(readable, from.index, to.index)) return;
    const later = laterRow(csv, from.index, to.index);
    const head = `${step > median ? 'a gap' : 'a short step'} of ${step} days between ${from.iso} (${rowName(csv, from.index)}) and ${to.iso}${later}; ${frequency} data needs ${median}`;
    if (step < median) {
      const place = rowIssuePlace(csv, to.index, column, head);
      out.push(makeIssue('IRREGULAR_DATES', 'error', place.message,
        `remove or merge the extra rows so that there is one row per ${periodWord(frequency)}, all on the same weekday`, { file: csv.file, ...place.at }));
      return;
    }
    const kpiFrom = options.kpiFrom;
    const warmUp = kpiFrom !== undefined && isoFromDays(lastMissing(from.days, to.days, median)) < kpiFrom;
    const tail = warmUp ? `; all before the window's start ${kpiFrom} (carryover warm-up, whose KPI is not fitted)` : '';
    const place = rowIssuePlace(csv, to.index, column, `${head}; missing: ${missingDates(from.days, to.days, median)}${tail}`);
    const issue = makeIssue('IRREGULAR_DATES', 'error', place.message,
      'add the missing periods (with 0 spend where nothing was spent) so that dates are evenly spaced', { file: csv.file, ...place.at });
    out.push({ ...issue, details: warmUp ? { warmUpGap: true, gap: true } : { gap: true } });
  });
  return out;
}

/**
 * ' (row N)' naming the later date's line when the issue is placed on it (a file row: an inserted or
 * summed row names itself) and it is not the line after the earlier date's: the rows were out of order.
 */
function laterRow(csv: CsvTable, from: number, to: number): string {
  const line = csv.rowNumbers[to];
  if (isInsertedRow(csv, to) || summedRowAt(csv, line) !== undefined || line === csv.rowNumbers[from] + 1) return '';
  return ` (row ${line})`;
}

/** Whether a row strictly between two file rows has an unreadable date or a probable typo (reported by unparseableDates, implausibleDates). */
function unreadableBetween(readable: ReadonlySet<number>, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (!readable.has(i)) return true;
  return false;
}

/** The last expected date strictly before `to`, counting from `from` at the given step. */
function lastMissing(from: number, to: number, step: number): number {
  return from + Math.floor((to - from - 1) / step) * step;
}

/** The expected dates strictly between two days, at the given step, listed up to MAX_LISTED. */
function missingDates(from: number, to: number, step: number): string {
  const list: string[] = [];
  let n = 0;
  for (let d = from + step; d < to; d += step) {
    n++;
    if (list.length < MAX_LISTED) list.push(isoFromDays(d));
  }
  return n > MAX_LISTED ? `${list.join(', ')}, … (${n} in all)` : list.join(', ');
}
