import { holidayKindRule, holidayKinds, isoDate, type HolidayKind } from '@mixwise/engine';
import { DataError } from '../issue.ts';
import type { PlainTable } from '../reshape/wide-to-long.ts';
import { WEEK_DAYS, type WeekDay } from '../reshape/long-to-wide.ts';
import { openDatamart, queryModel, runModel } from './datamart.ts';

/**
 * The holiday flag columns of calendarTable, in order: the simulator's holiday kinds (engine
 * HOLIDAY_KIND_RULES) with `-` as `_`, e.g. 'black_friday'.
 */
export const CALENDAR_HOLIDAYS: readonly string[] = holidayKinds.map(flagColumn);

function flagColumn(kind: HolidayKind): string {
  return kind.replace(/-/g, '_');
}

function badDate(d: string): never {
  throw new DataError([{ code: 'INVALID_DATE', severity: 'error', message: `calendarTable: expected a YYYY-MM-DD date, got '${d}'`,
    hint: 'give the first and last dates as YYYY-MM-DD', at: {} }]);
}

/**
 * The statement that loads int_holidays (holiday, day): every day of each CALENDAR_HOLIDAYS holiday
 * in the years from `first` − 1 to `last` + 1, from the engine's rules, so DuckDB and the engine share one list.
 * @throws DataError (INVALID_DATE) for a date that is not YYYY-MM-DD
 */
function holidayDaysSql(first: string, last: string): string {
  const rows: string[] = [];
  const [y0, y1] = [first, last].map((d) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? Number(d.slice(0, 4)) : badDate(d)));
  for (const kind of holidayKinds) {
    const rule = holidayKindRule(kind);
    for (let y = y0 - 1; y <= y1 + 1; y++) for (const day of rule.days(y)) rows.push(`('${flagColumn(kind)}', DATE '${isoDate(day)}')`);
  }
  return `CREATE OR REPLACE TABLE int_holidays AS SELECT * FROM (VALUES ${rows.join(', ')}) AS t(holiday, day)`;
}

/**
 * A weekly calendar table built in DuckDB (sql/mart_calendar.sql): one row per week from the week
 * of `first` to the week of `last`, with columns week (start), week_end, year (of the week's 4th
 * day) and one 0/1 flag per holiday in CALENDAR_HOLIDAYS. Holidays come from the engine's calendar
 * rules (holidayById: Easter by the anonymous Gregorian algorithm, Meeus 1991 ch. 8; US Thanksgiving
 * = 4th Thursday of November), loaded into DuckDB, so no data file is needed.
 * @param first first date, YYYY-MM-DD
 * @param last last date, YYYY-MM-DD
 * @param weekStart first day of the week (default 'monday')
 * @returns the calendar as a plain table
 * @throws DataError (INVALID_DATE) for a date that is not YYYY-MM-DD
 * @example (await calendarTable('2024-03-25', '2024-03-31')).rows[0].slice(0, 5) // ['2024-03-25', '2024-03-31', 2024, 0, 0] and easter = 1
 */
export async function calendarTable(first: string, last: string, weekStart: WeekDay = 'monday'): Promise<PlainTable> {
  const dm = await openDatamart();
  try {
    await dm.connection.run(holidayDaysSql(first, last));
    await runModel(dm, 'mart_calendar', { first, last, week_start: WEEK_DAYS.indexOf(weekStart) });
    const records = await queryModel(dm, 'mart_calendar_select');
    const columns = ['week', 'week_end', 'year', ...CALENDAR_HOLIDAYS];
    return { columns, rows: records.map((r) => columns.map((c) => (typeof r[c] === 'string' ? (r[c] as string) : Number(r[c])))) };
  } finally {
    dm.close();
  }
}
