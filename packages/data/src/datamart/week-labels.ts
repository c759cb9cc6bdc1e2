import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { parseDate } from '../read/date.ts';
import { makeIssue } from '../validate/make-issue.ts';
import { WEEK_DAYS, type WeekDay } from '../reshape/week-days.ts';

/**
 * Checks that a weekly file's dates (every date on one weekday, at least two dates) fit the week start
 * of a weekly build, since each date is moved to the last week start on or before it:
 * - dates on the week start: week-start labels, fine;
 * - dates on the day before the week start (the weeks' last day: week-ending labels, e.g. Sundays with
 *   weeks starting Monday): each row covers the six days before it, which is right for week-ending
 *   labels and a week off for week-start labels. With week_start set in the config this reading is
 *   taken, with a WEEK_ENDING_LABELS warning saying so; with the default it is a WEEK_LABEL_MISMATCH
 *   error asking which it is;
 * - any other weekday: a WEEK_LABEL_MISMATCH error naming it and the two settings that fit.
 * Nothing is shifted silently.
 * @param csv the parsed file
 * @param column its date column
 * @param weekStart the build's week start
 * @param explicit whether the config set week_start (else it is the default, monday)
 * @returns the issue, or [] when the file is not weekly or its dates are week starts
 * @example weekLabelIssues(kpiSundays, 'date', 'monday', false)[0].message // 'every date of kpi.csv is a Sunday (208 weeks), but weeks start on Monday …'
 */
export function weekLabelIssues(csv: CsvTable, column: string, weekStart: WeekDay, explicit: boolean): Issue[] {
  const j = csv.header.indexOf(column);
  if (j < 0) return [];
  const days = new Set<number>();
  let firstRow = -1;
  csv.rows.forEach((r, i) => {
    const p = parseDate(r[j] ?? '');
    if (!p.ok) return;
    if (firstRow < 0) firstRow = i;
    days.add(p.days);
  });
  const weekdays = new Set([...days].map(weekdayOf));
  if (days.size < 2 || weekdays.size !== 1) return [];
  const day = [...weekdays][0];
  const start = WEEK_DAYS.indexOf(weekStart);
  if (day === start) return [];
  const name = (d: number): string => WEEK_DAYS[d][0].toUpperCase() + WEEK_DAYS[d].slice(1);
  const at = { file: csv.file, row: csv.rowNumbers[firstRow], column };
  const first = csv.rows[firstRow][j].trim();
  const setting = explicit ? `week_start: ${weekStart}` : `the default week_start: ${weekStart}`;
  const ending = (day + 1) % 7;
  if (ending === start && explicit) {
    return [makeIssue('WEEK_ENDING_LABELS', 'warning',
      `every date of ${csv.file} is a ${name(day)} (${days.size} weeks) and weeks start on ${name(start)} (${setting}): the dates are read as week-ending labels, so the row dated ${first} is the week of the six days before it and itself`,
      `nothing to do if the dates end their weeks; if they start them, set week_start: ${WEEK_DAYS[day]} under sources:`, at)];
  }
  return [makeIssue('WEEK_LABEL_MISMATCH', 'error',
    `every date of ${csv.file} is a ${name(day)} (${days.size} weeks), but weeks start on ${name(start)} (${setting}): each row would be moved ${(day - start + 7) % 7} day(s) back to the ${name(start)} before it, a week away from the spend of its days if the dates start their weeks`,
    `set week_start: ${WEEK_DAYS[day]} under sources: in mixwise.yaml if each date is the first day of its week; if each date is the last day of its week (week-ending), set week_start: ${WEEK_DAYS[ending]}`, at)];
}

/** DuckDB's weekday of a day count since 1970-01-01 (a Thursday): Sunday = 0. */
function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}
