import type { Frequency } from '@mixwise/engine';
import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { FREQUENCY_STEP_DAYS } from '../../detect/detect-frequency.ts';
import { isoFromDays, parseDate } from '../../read/date.ts';
import { datedRows } from '../dated-rows.ts';
import { makeIssue } from '../make-issue.ts';

/** At most this many missing dates are listed in one message. */
const MAX_LISTED = 10;

/**
 * Rule: the dates are evenly spaced, weekly or daily. The step is the median difference between
 * consecutive distinct dates (in date order, so unsorted or duplicated rows do not hide a gap):
 * 7 days is weekly, 1 daily; any other median is one UNSUPPORTED_FREQUENCY error. Every step that
 * differs is an IRREGULAR_DATES error on the row of the later date; a gap lists the missing dates.
 * A gap around rows with unreadable dates is not reported (unparseableDates reports those rows).
 * @param csv the parsed cells
 * @param roles resolved roles; nothing is checked without a date column or with fewer than 2 dates
 * @example irregularSteps(csv, roles)[0].message
 * // 'a gap of 14 days between 2024-01-08 (row 3) and 2024-01-22; weekly data needs 7; missing: 2024-01-15'
 */
export function irregularSteps(csv: CsvTable, roles: RuleRoles): Issue[] {
  const column = roles.date;
  if (column === undefined) return [];
  const dates = datedRows(csv, column).sort((a, b) => a.days - b.days || a.index - b.index)
    .filter((d, k, all) => k === 0 || d.days !== all[k - 1].days);
  if (dates.length < 2) return [];
  const steps = dates.slice(1).map((d, k) => d.days - dates[k].days);
  const median = [...steps].sort((a, b) => a - b)[Math.floor((steps.length - 1) / 2)];
  const frequency = (Object.keys(FREQUENCY_STEP_DAYS) as Frequency[]).find((f) => FREQUENCY_STEP_DAYS[f] === median);
  if (frequency === undefined) {
    const what = median >= 28 && median <= 31 ? 'monthly' : `every ${median} days`;
    return [makeIssue('UNSUPPORTED_FREQUENCY', 'error', `the dates are ${what}; Mixwise models weekly or daily data`,
      'provide one row per week (or per day)', { file: csv.file, column })];
  }
  const out: Issue[] = [];
  steps.forEach((step, k) => {
    if (step === median) return;
    const [from, to] = [dates[k], dates[k + 1]];
    if (to.index - from.index > 1 && unreadableBetween(csv, column, from.index, to.index)) return;
    const head = `${step > median ? 'a gap' : 'a short step'} of ${step} days between ${from.iso} (row ${from.row}) and ${to.iso}; ${frequency} data needs ${median}`;
    const at = { file: csv.file, row: to.row, column };
    if (step < median) {
      out.push(makeIssue('IRREGULAR_DATES', 'error', head,
        `remove or merge the extra rows so that there is one row per ${frequency === 'weekly' ? 'week' : 'day'}, all on the same weekday`, at));
      return;
    }
    out.push(makeIssue('IRREGULAR_DATES', 'error', `${head}; missing: ${missingDates(from.days, to.days, median)}`,
      'add the missing periods (with 0 spend where nothing was spent) so that dates are evenly spaced', at));
  });
  return out;
}

/** Whether a row strictly between two file rows has an unreadable date (reported by unparseableDates). */
function unreadableBetween(csv: CsvTable, column: string, from: number, to: number): boolean {
  const j = csv.header.indexOf(column);
  for (let i = from + 1; i < to; i++) if (!parseDate(csv.rows[i][j]).ok) return true;
  return false;
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
