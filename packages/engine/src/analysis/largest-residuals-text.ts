import { listText } from '../text/list-text.ts';
import type { LargestResiduals } from './largest-residuals.ts';
import type { HolidayCalendar } from '../calendar/holiday-calendar.ts';

/** How many dates the sentence names before 'and N more'; every recurring date is named regardless. */
export const NAMED_RESIDUALS = 5;

/** A z as printed: one decimal, a sign always, a true minus. */
function signedZ(z: number): string {
  return `${z >= 0 ? '+' : '−'}${Math.abs(z).toFixed(1)}`;
}

/**
 * The dates behind "residuals are not normal: outliers or a missing event", appended to that reading
 * (diagnostics.ts) and so printed by the fit's Check line, the report and the dashboard: the largest
 * residuals with their z, then, when some recur at the same time of year, that they look like an
 * event the model lacks and to add an event column on those dates. No parentheses: the CLI prints the
 * reading inside a pair. '' when no period is listed. With `holidays` (per recurring group, the ids of
 * built-in holidays on all its dates: holidaysOnDates), the advice names the `--holidays` that adds them;
 * with the model's `calendar`, that flag keeps the holidays already asked for (`--holidays` replaces the
 * list) and its `--week-label end`, so it can be run as printed.
 * @example largestResidualsText(lr) // 'largest residuals, in robust standard deviations: 2024-11-29 +8.3, …; 2023-11-24 and 2024-11-29, both above the fit, come back at the same time of year: likely a recurring event the model lacks, so add an event column, 1 on those dates'
 */
export function largestResidualsText(lr: LargestResiduals | null | undefined, holidays: readonly (readonly string[])[] = [], calendar?: HolidayCalendar): string {
  if (lr === null || lr === undefined || lr.periods.length === 0) return '';
  const named = lr.periods.slice(0, NAMED_RESIDUALS).map((p) => `${p.date} ${signedZ(p.z)}`);
  const more = lr.beyond - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${more} more beyond ±${lr.threshold}` : listText(named);
  const head = `largest residuals, in robust standard deviations: ${list}`;
  if (lr.recurring.length === 0) return head;
  const groups = lr.recurring.map((g, k) => `${listText(g.dates)}, ${g.dates.length === 2 ? 'both' : 'all'} ${g.sign > 0 ? 'above' : 'below'} ${k === 0 ? 'the fit' : 'it'}`);
  const label = calendar?.weekLabel === 'end' ? ' --week-label end' : '';
  const flag = (ids: readonly string[] | undefined): string => (ids === undefined || ids.length === 0 ? '' : `--holidays ${[...(calendar?.names ?? []), ...ids].join(',')}${label}`);
  if (groups.length === 1) {
    const ids = holidays[0];
    const add = flag(ids) === '' ? 'so add an event column, 1 on those dates'
      : `they fall on ${listText([...(ids ?? [])])}, so ${flag(ids)} adds ${ids?.length === 1 ? 'it' : 'them'} (or add an event column, 1 on those dates)`;
    return `${head}; ${groups[0]}, come back at the same time of year: likely a recurring event the model lacks, ${add}`;
  }
  const flagged = groups.map((g, k) => (flag(holidays[k]) === '' ? g : `${g} (${flag(holidays[k])})`));
  return `${head}; these groups come back at the same time of year, likely recurring events the model lacks: ${flagged.join('; ')} — add an event column for each group, 1 on its dates${holidays.some((ids) => ids.length > 0) ? ', or the built-in holidays named' : ''}`;
}
