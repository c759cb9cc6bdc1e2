import type { PlainTable } from '../reshape/wide-to-long.ts';
import { WEEK_DAYS, type WeekDay } from '../reshape/long-to-wide.ts';
import { openDatamart, queryModel, runModel } from './datamart.ts';

/** The holiday flag columns of calendarTable, in order. */
export const CALENDAR_HOLIDAYS = [
  'new_year', 'valentines', 'easter', 'thanksgiving', 'black_friday', 'cyber_monday', 'christmas_shopping', 'christmas', 'year_end',
] as const;

/**
 * A weekly calendar table built in DuckDB (sql/mart_calendar.sql): one row per week from the week
 * of `first` to the week of `last`, with columns week (start), week_end, year (of the week's 4th
 * day) and one 0/1 flag per holiday in CALENDAR_HOLIDAYS. Holidays come from rules (Easter by the
 * anonymous Gregorian algorithm, Meeus 1991 ch. 8; US Thanksgiving = 4th Thursday of November), so
 * no data file is needed.
 * @param first first date, YYYY-MM-DD
 * @param last last date, YYYY-MM-DD
 * @param weekStart first day of the week (default 'monday')
 * @returns the calendar as a plain table
 * @throws the DuckDB error for a date that is not YYYY-MM-DD
 * @example (await calendarTable('2024-03-25', '2024-03-31')).rows[0].slice(0, 5) // ['2024-03-25', '2024-03-31', 2024, 0, 0] and easter = 1
 */
export async function calendarTable(first: string, last: string, weekStart: WeekDay = 'monday'): Promise<PlainTable> {
  const dm = await openDatamart();
  try {
    await runModel(dm, 'mart_calendar', { first, last, week_start: WEEK_DAYS.indexOf(weekStart) });
    const records = await queryModel(dm, 'mart_calendar_select');
    const columns = ['week', 'week_end', 'year', ...CALENDAR_HOLIDAYS];
    return { columns, rows: records.map((r) => columns.map((c) => (typeof r[c] === 'string' ? (r[c] as string) : Number(r[c])))) };
  } finally {
    dm.close();
  }
}
