import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { DatedRow } from './dated-rows.ts';
import { isoFromDays } from '../read/date.ts';
import { rowName } from '../clean/inserted-rows.ts';
import { makeIssue } from './make-issue.ts';
import { rewriteDatesQuery } from './rewrite-dates-query.ts';

const WEEKDAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

/** The weekday of a day count since 1970-01-01 (a Thursday), 0 = Sunday. */
function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/**
 * Where weekly dates switch from one weekday to another for good (Mondays, then Tuesdays from some row
 * on): the position k in `dates` of the first date on the new weekday, when every date before it is on
 * one weekday and every date from it on is on another, with at least two dates on each side.
 * @param dates distinct dates in increasing order
 * @returns k, or undefined when the weekdays do not change once
 * @example weekStartChange(mondaysThenTuesdays) // 79
 */
export function weekStartChange(dates: readonly Pick<DatedRow, 'days'>[]): number | undefined {
  if (dates.length < 4) return undefined;
  const first = weekday(dates[0].days);
  const k = dates.findIndex((d) => weekday(d.days) !== first);
  if (k < 2 || dates.length - k < 2) return undefined;
  const second = weekday(dates[k].days);
  return dates.slice(k).every((d) => weekday(d.days) === second) ? k : undefined;
}

/**
 * The IRREGULAR_DATES error for weekly dates whose week start changes at dates[k] (weekStartChange):
 * it names both weekdays and rows, and says how to move the later dates back onto the first weekday
 * (a DuckDB statement that shifts them), rather than the gap or short step the change leaves.
 * @param csv the parsed cells
 * @param column the date column
 * @param dates distinct dates in increasing order
 * @param k the first date on the new weekday
 * @example weekStartIssue(csv, 'date', dates, 80).message
 * // 'weekly dates are Mondays up to row 81 (2023-07-10) and Tuesdays from row 82 (2023-07-18): the week start changed, which leaves a step of 8 days'
 */
export function weekStartIssue(csv: CsvTable, column: string, dates: readonly DatedRow[], k: number): Issue {
  const [from, to] = [dates[k - 1], dates[k]];
  const step = to.days - from.days;
  const shift = from.days + 7 * Math.max(1, Math.round(step / 7)) - to.days;
  const [before, after] = [WEEKDAYS[weekday(from.days)], WEEKDAYS[weekday(to.days)]];
  const moved = `${Math.abs(shift)} day${Math.abs(shift) === 1 ? '' : 's'} ${shift < 0 ? 'earlier' : 'later'}`;
  const query = rewriteDatesQuery(csv.file, column,
    (q) => `CAST(${q} AS DATE) + CASE WHEN CAST(${q} AS DATE) >= DATE '${to.iso}' THEN ${shift} ELSE 0 END`);
  return makeIssue('IRREGULAR_DATES', 'error',
    `weekly dates are ${before} up to ${rowName(csv, from.index)} (${from.iso}) and ${after} from ${rowName(csv, to.index)} (${to.iso}): the week start changed, which leaves a step of ${step} days`,
    `realign the weeks from ${rowName(csv, to.index)} on to ${before} (each date ${moved}: ${to.iso} becomes ${isoFromDays(to.days + shift)}), e.g. with DuckDB: ${query}; `
    + 'or, if the source changed how it counts weeks, export every week again with one week start',
    { file: csv.file, row: csv.rowNumbers[to.index], column });
}
