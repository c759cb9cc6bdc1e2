import type { HolidayReport } from './holiday-event-columns.ts';

/** How the note names the settings: the CLI's flags or the server API's roles fields. */
export type HolidayNoteWords = 'cli' | 'api';

const WORDS = {
  cli: { weekEnd: '--week-label end', perSet: '--holiday-columns set' },
  api: { weekEnd: 'roles.weekLabel "end"', perSet: 'roles.holidayColumns "set"' },
} as const;

/**
 * The note on built-in holiday events (`--holidays`): which events were added (with the
 * holidays merged into each because they mark the same periods), the week convention for weekly
 * data, the degrees of freedom they cost, and the holidays left out.
 * @param report what holidayEventColumns did
 * @param periods rows of the table, for the degrees-of-freedom remark
 * @param words 'cli' (default) names the flags, 'api' the server's roles fields (PUT /api/uploads/:id/roles)
 * @example holidaysNote({ frequency: 'daily', added: [{ name: 'holiday_black_friday', holidays: ['black-friday'] }], sameAsEvent: [], absent: [] }, 730)
 * // 'holidays: added 1 event: holiday_black_friday\n'
 */
export function holidaysNote(report: HolidayReport, periods: number, words: HolidayNoteWords = 'cli'): string {
  const w = WORDS[words];
  const n = report.added.length;
  const events = report.added.map((a) => {
    if (a.set !== undefined) return `${a.name} (${a.holidays.join(', ')})`; // one event for a set
    return a.holidays.length === 1 ? a.name : `${a.name} (also ${a.holidays.slice(1).join(', ')}: same ${unit(report)})`;
  });
  const parts = [`holidays: added ${n} event${n === 1 ? '' : 's'}${n === 0 ? '' : `: ${events.join(', ')}`}`];
  if (report.weekLabel !== undefined) {
    parts.push(report.weekLabel === 'start'
      ? `weekly dates read as the first day of their week (a week holding any day of a holiday is 1); pass ${w.weekEnd} if each date ends its week`
      : `weekly dates read as the last day of their week (${w.weekEnd})`);
  }
  if (report.frequency === 'weekly' && n > 0) {
    parts.push(`each event costs a degree of freedom (${n} on ${periods} weeks)${n >= 8 ? `; ${w.perSet} makes one event per holiday set` : ''}`);
  }
  if (report.sameAsEvent.length > 0) parts.push(`not added, same ${unit(report)} as an event column of the file: ${report.sameAsEvent.map((s) => `${s.holiday} (${s.event})`).join(', ')}`);
  if (report.absent.length > 0) parts.push(`no day in the modeling window: ${report.absent.join(', ')}`);
  return `${parts.join('; ')}\n`;
}

function unit(report: HolidayReport): string {
  return report.frequency === 'weekly' ? 'weeks' : 'days';
}
