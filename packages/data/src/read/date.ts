/**
 * Calendar-date helpers. Dates are plain calendar days handled in UTC, so no local timezone or
 * daylight-saving change can shift a day. A day is represented as an ISO string `yyyy-mm-dd` or as
 * a whole number of days since 1970-01-01.
 */

const MS_PER_DAY = 86_400_000;

/** The result of reading one date cell. */
export type DateParse =
  | { ok: true; iso: string; days: number }
  | { ok: false; reason: 'empty' | 'ambiguous' | 'invalid' | 'unrecognized' };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$/;
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DAY_MONTH_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

/**
 * Reads a calendar date. Accepted: ISO `yyyy-mm-dd` (also with a midnight time such as
 * `2024-01-01 00:00:00` or `2024-01-01T00:00:00Z`, as pandas writes) and `yyyy/mm/dd`; month and day
 * may have one digit. `dd/mm/yyyy`, `mm/dd/yyyy` (and with `.` or `-`) are rejected as 'ambiguous'
 * because one value does not show the day-month order (the whole column may: dateFormatIssues); impossible dates (2021-02-30) are
 * 'invalid'.
 * @param text the cell text
 * @returns `{ ok: true, iso, days }` (days since 1970-01-01) or `{ ok: false, reason }`
 * @example parseDate('2024/3/5') // { ok: true, iso: '2024-03-05', days: 19787 }
 * @example parseDate('05/03/2024') // { ok: false, reason: 'ambiguous' }
 */
export function parseDate(text: string): DateParse {
  const s = text.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  const m = ISO.exec(s) ?? SLASHED.exec(s);
  if (m !== null) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (DAY_MONTH_FIRST.test(s)) return { ok: false, reason: 'ambiguous' };
  return { ok: false, reason: 'unrecognized' };
}

/**
 * Whether a cell looks like a date in any form parseDate recognises, including ambiguous ones.
 * @example looksLikeDate('31/12/2024') // true
 */
export function looksLikeDate(text: string): boolean {
  const r = parseDate(text);
  return r.ok || r.reason === 'ambiguous';
}

/**
 * Days since 1970-01-01 of an ISO date `yyyy-mm-dd` (no validation beyond the shape).
 * @example daysFromIso('1970-01-08') // 7
 */
export function daysFromIso(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

/**
 * The ISO date `yyyy-mm-dd` of a day count since 1970-01-01.
 * @example isoFromDays(19787) // '2024-03-05'
 */
export function isoFromDays(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Days in a month of the proleptic Gregorian calendar.
 * @param year four-digit year
 * @param month 1..12
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromParts(year: number, month: number, day: number): DateParse {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: 'invalid' };
  }
  const days = Date.UTC(year, month - 1, day) / MS_PER_DAY;
  return { ok: true, iso: isoFromDays(days), days };
}
