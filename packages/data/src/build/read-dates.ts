import type { IssueCollector } from '../issue-collector.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { parseDate } from '../read/date.ts';
import { panelColumn } from '../validate/panel-column.ts';
import { panelIssues } from '../validate/panel-issues.ts';
import { duplicateDateHint } from '../validate/duplicate-date-hint.ts';
import { unparseableDates } from '../validate/rules/unparseable-dates.ts';
import { implausibleDates } from '../validate/rules/implausible-dates.ts';

/** Parsed dates of a table, in row order. */
export interface ParsedDates {
  /** ISO dates yyyy-mm-dd, shape [nTimes]. */
  iso: string[];
  /** Days since 1970-01-01, shape [nTimes]. */
  days: number[];
}

/**
 * Reads the date column: every cell must be a date (see parseDate), dates must be distinct and in
 * increasing order. Nothing is sorted or dropped silently: each problem is a located error.
 * @param csv the table read from the file
 * @param column the date column's name (must be in csv.header)
 * @param issues receives EMPTY_CELL, INVALID_DATE, AMBIGUOUS_DATE, NON_ISO_DATES, MIXED_DATE_FORMAT (unparseableDates), DUPLICATE_DATE, UNSORTED_DATES errors
 * @returns the dates, or undefined when any problem was found
 * @example readDates(csv, 'date', issues)?.iso // ['2024-01-01', '2024-01-08']
 */
export function readDates(csv: CsvTable, column: string, issues: IssueCollector): ParsedDates | undefined {
  const j = csv.header.indexOf(column);
  const iso: string[] = [];
  const days: number[] = [];
  let ok = true;
  csv.rows.forEach((r) => {
    const parsed = parseDate(r[j]);
    if (!parsed.ok) {
      ok = false;
      return;
    }
    iso.push(parsed.iso);
    days.push(parsed.days);
  });
  // The cell errors and the column's format (unparseableDates) are the validation rule's.
  for (const issue of unparseableDates(csv, { date: column })) issues.add(issue);
  const typos = implausibleDates(csv, { date: column });
  for (const issue of typos) issues.add(issue);
  if (typos.length > 0) ok = false;
  if (!ok) return undefined;
  return checkOrder(csv, column, { iso, days }, issues) ? { iso, days } : undefined;
}

function checkOrder(csv: CsvTable, column: string, dates: ParsedDates, issues: IssueCollector): boolean {
  const firstRow = new Map<number, number>();
  const repeats: [number, number][] = [];
  dates.days.forEach((d, i) => {
    const seen = firstRow.get(d);
    if (seen === undefined) firstRow.set(d, i);
    else repeats.push([seen, i]);
  });
  let ok = repeats.length === 0;
  // Only a file with repeated dates can be a panel; saying so replaces one error per repeat.
  const panel = ok ? undefined : panelColumn(csv, column);
  if (panel !== undefined) {
    for (const issue of panelIssues(csv, {}, column, panel)) issues.add(issue);
    return false;
  }
  for (const [seen, i] of repeats) {
    issues.error('DUPLICATE_DATE', `the date ${dates.iso[i]} already appears on row ${csv.rowNumbers[seen]}`,
      duplicateDateHint(csv, seen, i), { row: csv.rowNumbers[i], column });
  }
  let firstBack = -1;
  let nBack = 0;
  for (let i = 1; i < dates.days.length; i++) {
    if (dates.days[i] < dates.days[i - 1]) {
      nBack++;
      if (firstBack < 0) firstBack = i;
    }
  }
  if (firstBack >= 0) {
    ok = false;
    const others = nBack > 1 ? ` (${nBack} places in the file go back in time)` : '';
    issues.error('UNSORTED_DATES',
      `dates are not in increasing order: ${dates.iso[firstBack]} comes after ${dates.iso[firstBack - 1]} (row ${csv.rowNumbers[firstBack - 1]})${others}`,
      'sort the rows by date, oldest first; Mixwise does not reorder data for you',
      { row: csv.rowNumbers[firstBack], column });
  }
  return ok;
}
