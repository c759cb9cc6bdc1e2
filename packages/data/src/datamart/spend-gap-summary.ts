import type { Issue } from '../issue.ts';
import { daysFromIso, isoFromDays } from '../read/date.ts';
import { makeIssue } from '../validate/make-issue.ts';

/** A spend gap filled with zero: a (period, geo, product, channel) with no line in the spend file. */
export interface FilledGap {
  date: string;
  geo: string;
  product: string;
  name: string;
}

const SHOWN = 6;

/**
 * One SPEND_GAP_FILLED warning per channel (× geo × product) whose spend had no line in some periods,
 * which were filled with zero: how many periods, and where, as date ranges (runs of consecutive
 * periods). A channel whose gaps open the data is said to start later (a launch); the fix says what
 * to check when the channel did run then.
 * @param gaps the filled cells, in channel then date order
 * @param file the spend file's name
 * @param stepDays 7 (weekly) or 1 (daily)
 * @param nPeriods the number of periods of the table
 * @param first the table's first period (yyyy-mm-dd)
 * @returns the warnings, one per channel with gaps
 * @example spendGapSummary(gaps, 'ads.csv', 7, 208, '2021-01-04')[0].message // 'channel "tiktok" has no spend line in 52 of 208 weeks, filled with 0: 2021-01-04 … 2021-12-27 (52 weeks; the channel starts in the week of 2022-01-03)'
 */
export function spendGapSummary(gaps: readonly FilledGap[], file: string, stepDays: number, nPeriods: number, first: string): Issue[] {
  const groups = new Map<string, FilledGap[]>();
  for (const g of gaps) {
    const key = JSON.stringify([g.name, g.geo, g.product]);
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  const unit = stepDays === 7 ? 'week' : 'day';
  const plural = (n: number): string => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return [...groups.values()].map((list) => {
    const days = list.map((g) => daysFromIso(g.date)).sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const d of days) {
      const last = runs[runs.length - 1];
      if (last !== undefined && d - last[1] === stepDays) last[1] = d;
      else runs.push([d, d]);
    }
    const shown = runs.slice(0, SHOWN).map(([a, b]) => (a === b ? isoFromDays(a) : `${isoFromDays(a)} … ${isoFromDays(b)} (${plural((b - a) / stepDays + 1)})`));
    const more = runs.length > SHOWN ? ` and ${runs.length - SHOWN} more stretches` : '';
    const launch = days.length === nPeriods ? `; it has no line at all${list[0].geo === '' && list[0].product === '' ? '' : ' there'}`
      : runs[0][0] === daysFromIso(first) ? `; the channel's first line is in the ${unit} of ${isoFromDays(runs[0][1] + stepDays)}` : '';
    const where = [list[0].geo === '' ? '' : `geo "${list[0].geo}"`, list[0].product === '' ? '' : `product "${list[0].product}"`].filter((x) => x !== '').join(', ');
    return makeIssue('SPEND_GAP_FILLED', 'warning',
      `channel "${list[0].name}"${where === '' ? '' : ` (${where})`} has no spend line in ${days.length} of ${plural(nPeriods)}, filled with 0: ${shown.join(', ')}${more}${launch}`,
      'nothing to do if the channel did not run then (a launch, a pause); if it did, the export is missing those dates: add them to the spend file',
      { file, column: list[0].name });
  });
}
