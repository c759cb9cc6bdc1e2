import type { ReadOutcome } from '../validate/read-outcome.ts';
import type { ValidationRoles } from '../validate/rule-types.ts';
import { resolveRuleRoles } from '../validate/resolve-rule-roles.ts';
import { parseDate } from '../read/date.ts';

/** How many of a file's periods a modeling window holds, and the file's date range. */
export interface WindowSpan {
  /** Distinct dates of the file inside the window (a panel's repeated dates count once). */
  periods: number;
  /** The file's first and last date, yyyy-mm-dd. */
  first: string;
  last: string;
}

/**
 * The periods of the file a window holds, counted on the file as read, before any row is dropped
 * (outcomeUntil) or cleaned: so that a window that leaves too few periods (an `--end` before the data,
 * a typo in the year) is told as such, with the file's date range, rather than as the errors of an
 * emptied table. The date column is the one the roles name or the one detected.
 * @param read the file as readOutcome read it
 * @param roles column roles (for the date column)
 * @param window first and last date of the window, yyyy-mm-dd (either may be left out)
 * @returns undefined without a window, when the file could not be parsed or has no readable date
 * @example windowSpan(readOutcome('d.csv'), { target: 'revenue' }, { end: '2020-01-01' }) // { periods: 0, first: '2022-01-03', last: '2024-12-23' }
 */
export function windowSpan(read: ReadOutcome, roles: ValidationRoles, window: { start?: string; end?: string } | undefined): WindowSpan | undefined {
  if (window === undefined || (window.start === undefined && window.end === undefined) || read.csv === undefined) return undefined;
  const csv = read.csv;
  const date = resolveRuleRoles(csv, roles).date;
  const j = date === undefined ? -1 : csv.header.indexOf(date);
  if (j < 0) return undefined;
  const dates = new Set<string>();
  for (const r of csv.rows) {
    const p = parseDate(r[j]);
    if (p.ok) dates.add(p.iso);
  }
  if (dates.size === 0) return undefined;
  const sorted = [...dates].sort();
  const periods = sorted.filter((d) => (window.start === undefined || d >= window.start) && (window.end === undefined || d <= window.end)).length;
  return { periods, first: sorted[0], last: sorted[sorted.length - 1] };
}
