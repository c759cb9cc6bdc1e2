import { daysInMonth, isoFromDays } from './date.ts';

/** A date form parseDate does not read, but whose meaning is recognised (so the fix can be precise). */
export type DatePatternKind = 'utc-offset' | 'time-of-day' | 'excel-serial' | 'compact';

/** What an unread date cell was recognised as. */
export interface DatePattern {
  readonly kind: DatePatternKind;
  /** The pattern as a user would name it, e.g. 'yyyy-mm-ddThh:mm:ss+hh:mm'. */
  readonly pattern: string;
  /** Why Mixwise does not read it, e.g. 'a UTC offset other than Z (+02:00)'. */
  readonly reason: string;
  /** The yyyy-mm-dd it stands for: the date part as written, or the serial or yyyymmdd converted. */
  readonly iso: string;
}

const DATE_TIME = /^\d{4}-\d{1,2}-\d{1,2}([T ])(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(:?)\d{2})?$/;
const SERIAL = /^\d{5}(\.\d+)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Excel serial days read as dates: 20000 is 1954-10-03, 80000 is 2119-01-10. */
const SERIAL_RANGE = [20_000, 80_000] as const;
/** Excel's serial day 25569 is 1970-01-01 (day 0 is 1899-12-30). */
const EXCEL_EPOCH_OFFSET = 25_569;

/**
 * Recognises a date cell written in a form Mixwise does not read: an ISO date with a time of day other
 * than midnight or a UTC offset other than Z/+00:00, an Excel serial day number (20000–80000, i.e.
 * 1954–2119), or yyyymmdd without separators (a real date of 1900–2099). Call it on cells parseDate
 * rejects as 'unrecognized'.
 * @param text the cell text
 * @returns the pattern and the reason, or undefined for anything else
 * @example datePattern('2022-01-03T00:00:00+02:00')?.reason // 'a UTC offset other than Z (+02:00)'
 * @example datePattern('44564')?.kind // 'excel-serial'
 */
export function datePattern(text: string): DatePattern | undefined {
  const s = text.trim();
  const t = DATE_TIME.exec(s);
  if (t !== null) return timePattern(t, s);
  if (SERIAL.test(s)) {
    const n = Number(s);
    if (n < SERIAL_RANGE[0] || n > SERIAL_RANGE[1]) return undefined;
    return { kind: 'excel-serial', pattern: s.includes('.') ? 'Excel serial day numbers with a fraction' : 'Excel serial day numbers',
      reason: 'Excel serial day numbers (days since 1899-12-30) are numbers, not dates', iso: isoFromDays(Math.floor(n) - EXCEL_EPOCH_OFFSET) };
  }
  const c = COMPACT.exec(s);
  if (c !== null) {
    const [year, month, day] = [Number(c[1]), Number(c[2]), Number(c[3])];
    if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return { kind: 'compact', pattern: 'yyyymmdd', reason: 'yyyymmdd without separators reads as a number, not a date', iso: `${c[1]}-${c[2]}-${c[3]}` };
  }
  return undefined;
}

function timePattern(t: RegExpExecArray, s: string): DatePattern {
  const [y, m, d] = s.slice(0, s.search(/[T ]/)).split('-');
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const [, sep, hh, mm, ss, fraction, offset, colon] = t;
  const seconds = ss === undefined ? '' : `:ss${fraction === undefined ? '' : '.sss'}`;
  const zone = offset === undefined ? '' : offset === 'Z' ? 'Z' : colon === ':' ? '+hh:mm' : '+hhmm';
  const pattern = `yyyy-mm-dd${sep === 'T' ? 'T' : ' '}hh:mm${seconds}${zone}`;
  const midnight = Number(hh) === 0 && Number(mm) === 0 && Number(ss ?? 0) === 0 && Number(fraction ?? 0) === 0;
  if (!midnight) {
    return { kind: 'time-of-day', pattern,
      reason: `a time of day other than midnight (${hh}:${mm}${ss === undefined ? '' : `:${ss}`}): each row must be a whole day or week`, iso };
  }
  return { kind: 'utc-offset', pattern, reason: `a UTC offset other than Z (${offset ?? ''}), which could move the date to the day before or after`, iso };
}
