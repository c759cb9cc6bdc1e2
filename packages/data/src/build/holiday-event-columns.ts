import type { EventColumn, Frequency, HolidayEvent, WeekLabel } from '@mixwise/engine';
import { holidayEvents, selectHolidays, unknownHolidayNames, unknownHolidaysText } from '@mixwise/engine';
import type { IssueCollector } from '../issue-collector.ts';

/** Built-in holidays to add as events (`--holidays us,retail`, the config's `holidays:`). */
export interface HolidayRequest {
  /** Holiday set names and holiday ids, case-insensitive (selectHolidays). */
  readonly names: readonly string[];
  /** How weekly dates are labelled: the week's first day ('start', the default) or its last ('end'). */
  readonly weekLabel?: WeekLabel;
  /** 'each' (default): one event per holiday; 'set': one per holiday set. */
  readonly columns?: 'each' | 'set';
}

/** One holiday event that was added. */
export interface AddedHoliday {
  /** The event name, e.g. 'holiday_black_friday'. */
  readonly name: string;
  /** Ids of the holidays it marks: itself, the holidays merged into it (same periods), or a set's holidays. */
  readonly holidays: readonly string[];
  /** With `columns: 'set'`: the holiday set the event stands for; absent for one event per holiday. */
  readonly set?: string;
}

/** What holidayEventColumns did, for the CLI's note and the server's response. */
export interface HolidayReport {
  readonly frequency: Frequency;
  /** Weekly data only: the week convention used. */
  readonly weekLabel?: WeekLabel;
  readonly added: readonly AddedHoliday[];
  /** Holidays not added because they mark the same periods as one of the file's own event columns. */
  readonly sameAsEvent: readonly { readonly holiday: string; readonly event: string }[];
  /** Ids of selected holidays with no day in the modeling window. */
  readonly absent: readonly string[];
}

/**
 * The event columns of built-in holidays (holidayEvents) for a table's dates. A holiday with no day in
 * the modeling window (rows from `fromRow`) is left out; one marking exactly the same periods as an
 * earlier holiday event is merged into it (its id joins that event's `holidays`; the two columns would
 * be collinear), and one marking the same periods as an event column of the file is not added (its id
 * joins that column's `holidays` in `existing`). Each event records its holiday ids (EventColumn.holidays),
 * so a fitted model knows which holidays it holds whatever the events are named.
 * Errors: an unknown set or id (HOLIDAY_UNKNOWN, the message listing the known ones; the CLI and
 * the config refuse it earlier), a holiday event name that is already a column or channel name
 * (HOLIDAY_NAME_TAKEN), and `weekLabel: 'end'` with daily dates (HOLIDAY_WEEK_LABEL).
 * @param dates ISO dates, shape [nTimes]; frequency 'weekly' or 'daily'
 * @param request the holidays asked for
 * @param taken column names of the file and channel names, which a holiday event must not reuse
 * @param existing the file's event columns
 * @param issues receives the errors
 * @param fromRow first row of the modeling window (warm-up rows before it do not count)
 * @returns the new events, the file's event columns (`existing`, with the holidays that fell on them), and the report
 * @example holidayEventColumns(dates, 'daily', { names: ['retail'] }, ['date', 'revenue'], [], issues, 0).report.added[0].name // 'holiday_black_friday'
 */
export function holidayEventColumns(dates: readonly string[], frequency: Frequency, request: HolidayRequest, taken: readonly string[],
  existing: readonly EventColumn[], issues: IssueCollector, fromRow = 0): { events: EventColumn[]; existing: EventColumn[]; report: HolidayReport } {
  const weekly = frequency === 'weekly';
  if (!weekly && request.weekLabel === 'end') {
    issues.error('HOLIDAY_WEEK_LABEL', 'week-ending labels (--week-label end, week_label: end) were given, but the dates are daily',
      'leave out --week-label (or the config\'s week_label): it only says how weekly dates are labelled');
  }
  const unknown = unknownHolidayNames(request.names);
  if (unknown.length > 0) {
    issues.error('HOLIDAY_UNKNOWN', unknownHolidaysText(unknown), 'use the set names and holiday ids listed (docs/model.md, section 4b)');
    return { events: [], existing: [...existing], report: { frequency, added: [], sameAsEvent: [], absent: [] } };
  }
  const selected = selectHolidays(request.names);
  const made = holidayEvents(dates, frequency, selected, {
    ...(weekly ? { weekLabel: request.weekLabel ?? 'start' } : {}),
    ...(request.columns === undefined ? {} : { columns: request.columns }),
    rows: { from: fromRow, to: dates.length },
  });
  const same = (a: Float64Array, b: Float64Array): boolean => a.every((x, t) => t < fromRow || x === b[t]);
  const kept: HolidayEvent[] = [];
  const sameAsEvent: { holiday: string; event: string }[] = [];
  for (const e of made.events) {
    const user = existing.find((x) => same(x.values, e.values));
    if (user !== undefined) {
      sameAsEvent.push(...e.holidays.map((holiday) => ({ holiday, event: user.name })));
      continue;
    }
    const i = kept.findIndex((k) => same(k.values, e.values));
    if (i >= 0) kept[i] = { ...kept[i], holidays: [...kept[i].holidays, ...e.holidays] };
    else kept.push(e);
  }
  // Case-insensitive, as column names are to DuckDB and to the holiday ids (Holiday_Black_Friday is taken too).
  const names = new Set([...taken, ...existing.map((e) => e.name)].map((n) => n.toLowerCase()));
  for (const e of kept) {
    if (!names.has(e.name.toLowerCase())) continue;
    const what = e.holidays.length === 1 ? `the ${e.holidays[0]} holiday` : `the holidays ${e.holidays.join(', ')}`;
    issues.error('HOLIDAY_NAME_TAKEN', `"${e.name}", the event name of ${what}, is already a column, channel or event of the file`,
      `rename that column (holiday events are named holiday_<id>), or leave ${what} out of --holidays / holidays:`, { column: e.name });
  }
  return {
    events: kept.map((e) => ({ name: e.name, values: e.values, holidays: e.holidays })),
    existing: existing.map((x) => {
      const on = sameAsEvent.filter((s) => s.event === x.name).map((s) => s.holiday);
      return on.length === 0 ? x : { ...x, holidays: [...(x.holidays ?? []), ...on] };
    }),
    report: {
      frequency,
      ...(weekly ? { weekLabel: request.weekLabel ?? 'start' } : {}),
      added: kept.map((e) => ({ name: e.name, holidays: e.holidays, ...(e.set === undefined ? {} : { set: e.set }) })),
      sameAsEvent,
      absent: made.absent,
    },
  };
}
